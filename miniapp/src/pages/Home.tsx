import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'zmp-ui';
import { ErrorBox, Loading, Screen, TrialBanner } from '../components';
import { useServices, useSessionState } from '../context';
import { api, messageOf } from '../lib/api';
import type { Notice, ProcedureSummary } from '../lib/types';

function ProcedureList({ items }: { items: ProcedureSummary[] }) {
  const navigate = useNavigate();
  return (
    <ul className="card-list">
      {items.map((p) => (
        <li key={p.code}>
          <button
            type="button"
            className="card"
            onClick={() => navigate(`/procedure/${encodeURIComponent(p.code)}`)}
          >
            <span className="card-title">{p.name}</span>
            <span className="card-meta">
              Mã {p.code}
              {p.hasForm ? <span className="badge">Nộp trực tuyến</span> : null}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function Home() {
  const navigate = useNavigate();
  const { session } = useServices();
  const signedIn = useSessionState();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<ProcedureSummary[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [popular, setPopular] = useState<ProcedureSummary[] | null>(null);
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    api<{ items: ProcedureSummary[] }>('/api/procedures/popular', { auth: false }).then(
      (r) => setPopular(r.items),
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);

  useEffect(() => {
    if (!signedIn) return;
    let stop = false;
    const load = () =>
      api<{ unread: number; items: Notice[] }>('/api/me/notices?limit=1').then(
        (r) => !stop && setUnread(r.unread),
        () => undefined,
      );
    void load();
    const timer = window.setInterval(load, 30_000);
    return () => {
      stop = true;
      window.clearInterval(timer);
    };
  }, [signedIn, session]);

  async function search(event: FormEvent) {
    event.preventDefault();
    const text = q.trim();
    if (text.length < 2) {
      setError('Vui lòng nhập việc bạn cần làm, ví dụ: làm giấy khai sinh.');
      return;
    }
    setSearching(true);
    setError(null);
    try {
      const r = await api<{ items: ProcedureSummary[] }>(
        `/api/procedures/search?q=${encodeURIComponent(text)}`,
        { auth: false },
      );
      setResults(r.items);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSearching(false);
    }
  }

  return (
    <Screen title="Trợ lý Một cửa" back={false}>
      {signedIn?.trial ? <TrialBanner /> : null}
      <form className="search" onSubmit={search} role="search">
        <label htmlFor="q" className="search-label">
          Bạn cần làm thủ tục gì?
        </label>
        <div className="search-row">
          <input
            id="q"
            type="search"
            value={q}
            placeholder="Ví dụ: làm giấy khai sinh cho con"
            onChange={(e) => setQ(e.target.value)}
            enterKeyHint="search"
            autoComplete="off"
          />
          <button type="submit" className="primary-button" disabled={searching}>
            {searching ? 'Đang tìm…' : 'Tìm'}
          </button>
        </div>
      </form>
      {error ? <ErrorBox message={error} /> : null}
      {results ? (
        <section aria-label="Kết quả tìm kiếm">
          <h2>Kết quả</h2>
          {results.length === 0 ? (
            <p>Chưa tìm thấy thủ tục phù hợp. Bạn thử viết khác đi, ví dụ "đăng ký tạm trú".</p>
          ) : (
            <ProcedureList items={results} />
          )}
        </section>
      ) : null}
      <div className="quick-actions">
        <button type="button" className="secondary-button" onClick={() => navigate('/dossiers')}>
          Hồ sơ của tôi
        </button>
        <button type="button" className="secondary-button" onClick={() => navigate('/notices')}>
          Thông báo{unread > 0 ? <span className="count">{unread}</span> : null}
        </button>
      </div>
      <section aria-label="Thủ tục hay dùng">
        <h2>Thủ tục hay làm ở xã, phường</h2>
        {popular ? <ProcedureList items={popular} /> : <Loading />}
      </section>
    </Screen>
  );
}
