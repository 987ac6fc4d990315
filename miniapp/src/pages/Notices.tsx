import { useEffect, useState } from 'react';
import { useNavigate } from 'zmp-ui';
import { ErrorBox, Loading, Screen } from '../components';
import { useServices } from '../context';
import { api, messageOf } from '../lib/api';
import { formatDateTime } from '../lib/dates';
import type { Notice } from '../lib/types';

/** The in-app notice channel: every status change of the resident's dossiers, newest first. */
export function Notices() {
  const navigate = useNavigate();
  const { session } = useServices();
  const [items, setItems] = useState<Notice[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      if (!(await session.token().catch(() => null))) {
        setError('Vui lòng đăng nhập để xem thông báo.');
        return;
      }
      try {
        const r = await api<{ items: Notice[] }>('/api/me/notices?limit=50');
        setItems(r.items);
        const newest = r.items[0];
        if (newest && !newest.read) {
          void api('/api/me/notices/read', { json: { upToId: newest.id } }).catch(() => undefined);
        }
      } catch (e) {
        setError(messageOf(e));
      }
    })();
  }, [session]);

  return (
    <Screen title="Thông báo">
      {error ? (
        <ErrorBox message={error} />
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>Chưa có thông báo nào.</p>
      ) : (
        <ul className="notices">
          {items.map((n) => (
            <li key={n.id} className={n.read ? '' : 'unread'}>
              <button
                type="button"
                className="card"
                onClick={() => navigate(`/dossiers/${n.reference}`)}
              >
                <span className="muted">{formatDateTime(n.at)}</span>
                <span className="notice-text">{n.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}
