import { useEffect, useState } from 'react';
import { useNavigate } from 'zmp-ui';
import { ErrorBox, Loading, Screen } from '../components';
import { useServices, useSessionState } from '../context';
import { api, messageOf } from '../lib/api';
import { formatDate } from '../lib/dates';
import { groupReference } from '../lib/reference';
import type { DossierSummary } from '../lib/types';
import { SignIn } from './SignIn';

export function MyDossiers() {
  const navigate = useNavigate();
  const { session, options } = useServices();
  const signedIn = useSessionState();
  const [items, setItems] = useState<DossierSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [needsSignIn, setNeedsSignIn] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const token = await session.token().catch(() => null);
      if (!token) return !cancelled && setNeedsSignIn(true);
      setNeedsSignIn(false);
      try {
        const r = await api<{ items: DossierSummary[] }>('/api/dossiers?limit=50');
        if (!cancelled) setItems(r.items);
      } catch (e) {
        if (!cancelled) setError(messageOf(e));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [session, signedIn?.token]);

  return (
    <Screen title="Hồ sơ của tôi">
      {!needsSignIn ? (
        <p>
          <button type="button" className="link-button" onClick={() => navigate('/notices')}>
            Xem thông báo về hồ sơ
          </button>
        </p>
      ) : null}
      {needsSignIn ? (
        options.trial ? (
          <SignIn />
        ) : (
          <ErrorBox message="Vui lòng mở ứng dụng trong Zalo để xem hồ sơ của bạn." />
        )
      ) : error ? (
        <ErrorBox message={error} />
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>Bạn chưa nộp hồ sơ nào.</p>
      ) : (
        <ul className="card-list">
          {items.map((d) => (
            <li key={d.reference}>
              <button
                type="button"
                className="card"
                onClick={() => navigate(`/dossiers/${d.reference}`)}
              >
                <span className="card-title">{d.procedure.name}</span>
                <span className="card-meta">
                  {groupReference(d.reference)} · nộp {formatDate(d.submittedAt.slice(0, 10))}
                  {d.trial ? <span className="badge trial">Dùng thử</span> : null}
                </span>
                <span className={`status status-${d.status}`}>{d.statusLabel}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}
