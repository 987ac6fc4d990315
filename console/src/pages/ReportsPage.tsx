/**
 * Reports: on-time rate per month, satisfaction ratings per procedure and month, and the questions
 * the assistant could not answer (most frequent first) with a "đã xử lý" mark.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api.js';
import { viDate } from '../format.js';
import type { PageProps } from '../routes.js';

interface Reports {
  onTime: Array<{
    month: string;
    finished: number;
    onTime: number;
    late: number;
    noDate: number;
    rate: number | null;
  }>;
  ratings: Array<{
    procedureCode: string;
    procedureName: string;
    month: string;
    count: number;
    average: number;
  }> | null;
}
interface Gap {
  id: number;
  question: string;
  count: number;
  lastAt: string;
  handledAt: string | null;
  handledBy: string | null;
}

const month = (m: string) => `${m.slice(5)}/${m.slice(0, 4)}`;

export default function ReportsPage(_props: PageProps) {
  const [reports, setReports] = useState<Reports | null>(null);
  const [gaps, setGaps] = useState<Gap[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showHandled, setShowHandled] = useState(false);

  const load = useCallback(async () => {
    const [r, g] = await Promise.all([
      api<Reports>('GET', '/api/officer/reports'),
      api<{ items: Gap[] }>('GET', '/api/officer/gaps?all=true&limit=200'),
    ]);
    setReports(r);
    setGaps(g.items);
  }, []);
  useEffect(() => {
    load().catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [load]);

  async function mark(g: Gap) {
    try {
      await api('POST', `/api/officer/gaps/${g.id}/handled`);
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  const visibleGaps = gaps?.filter((g) => showHandled || !g.handledAt) ?? [];
  return (
    <section aria-labelledby="rep-h">
      <h1 id="rep-h">Báo cáo</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="columns">
        <div className="col-main">
          <section className="card" aria-labelledby="ontime-h">
            <h2 id="ontime-h">Tỷ lệ giải quyết đúng hẹn</h2>
            {!reports ? (
              <p role="status">Đang tải…</p>
            ) : reports.onTime.length === 0 ? (
              <p className="muted">Chưa có hồ sơ nào được giải quyết xong.</p>
            ) : (
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">Tháng</th>
                    <th scope="col">Đã giải quyết</th>
                    <th scope="col">Đúng hẹn</th>
                    <th scope="col">Trễ hẹn</th>
                    <th scope="col">Không có ngày hẹn</th>
                    <th scope="col">Tỷ lệ đúng hẹn</th>
                  </tr>
                </thead>
                <tbody>
                  {reports.onTime.map((r) => (
                    <tr key={r.month}>
                      <td>{month(r.month)}</td>
                      <td>{r.finished}</td>
                      <td>{r.onTime}</td>
                      <td>{r.late}</td>
                      <td>{r.noDate}</td>
                      <td>{r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)} %`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card" aria-labelledby="rating-h">
            <h2 id="rating-h">Mức độ hài lòng của người dân</h2>
            {!reports ? null : reports.ratings === null ? (
              <p className="muted">
                Chưa có đánh giá nào (chức năng đánh giá trên Mini App chưa được bật).
              </p>
            ) : reports.ratings.length === 0 ? (
              <p className="muted">Chưa có đánh giá nào.</p>
            ) : (
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">Tháng</th>
                    <th scope="col">Thủ tục</th>
                    <th scope="col">Số đánh giá</th>
                    <th scope="col">Điểm trung bình (1–5)</th>
                  </tr>
                </thead>
                <tbody>
                  {reports.ratings.map((r) => (
                    <tr key={`${r.month}-${r.procedureCode}`}>
                      <td>{month(r.month)}</td>
                      <td>
                        {r.procedureName} <span className="muted small">({r.procedureCode})</span>
                      </td>
                      <td>{r.count}</td>
                      <td>{r.average.toFixed(2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
        <div className="col-side">
          <section className="card" aria-labelledby="gaps-h">
            <h2 id="gaps-h">Câu hỏi trợ lý chưa trả lời được</h2>
            <label className="check">
              <input
                type="checkbox"
                checked={showHandled}
                onChange={(e) => setShowHandled(e.target.checked)}
              />
              Hiện cả câu đã xử lý
            </label>
            {gaps && visibleGaps.length === 0 && (
              <p className="muted">Không có câu hỏi nào cần xem.</p>
            )}
            <ol className="gaps">
              {visibleGaps.map((g) => (
                <li key={g.id} className={g.handledAt ? 'handled' : undefined}>
                  <q>{g.question}</q>
                  <span className="muted small">
                    {' '}
                    {g.count} lần · lần cuối {viDate(g.lastAt)}
                    {g.handledAt ? ` · đã xử lý bởi ${g.handledBy ?? ''}` : ''}
                  </span>
                  {!g.handledAt && (
                    <button type="button" className="secondary small" onClick={() => void mark(g)}>
                      Đánh dấu đã xử lý
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </section>
  );
}
