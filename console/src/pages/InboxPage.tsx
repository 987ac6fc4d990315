/**
 * The inbox: tabs per view with their counts, a search box (reference, name, last phone digits,
 * procedure), sort by appointment date or newest, paging, and CSV export of the current list. The
 * view, search, sort and page live in the address, so "Quay lại" and reloads keep them.
 */
import { useEffect, useState } from 'react';
import { api, ApiError, blobUrl } from '../api.js';
import { viDate, viDateTime } from '../format.js';
import { Link, navigate } from '../router.js';
import type { PageProps } from '../routes.js';
import type { InboxAnswer } from '../types.js';

const VIEW_ORDER = [
  'moi',
  'dang_xu_ly',
  'bo_sung',
  'den_han',
  'qua_han',
  'xong',
  'ket_thuc',
  'tat_ca',
];

export default function InboxPage({ query, officer }: PageProps) {
  const view = query.get('view') ?? 'moi';
  const q = query.get('q') ?? '';
  const sort = query.get('sort') ?? 'hen_tra';
  const page = Number(query.get('page') ?? '1') || 1;
  const [data, setData] = useState<InboxAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState(q);
  const [exporting, setExporting] = useState(false);

  const params = (changes: Record<string, string | number>) => {
    const next = new URLSearchParams({ view, q, sort, page: String(page) });
    for (const [k, v] of Object.entries(changes)) next.set(k, String(v));
    if (!next.get('q')) next.delete('q');
    return next.toString();
  };

  useEffect(() => {
    let live = true;
    setError(null);
    api<InboxAnswer>('GET', `/api/officer/inbox?${params({})}&pageSize=25`)
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [view, q, sort, page]);

  async function exportCsv() {
    setExporting(true);
    try {
      const { url } = await blobUrl(`/api/officer/inbox.csv?${params({})}`);
      const a = document.createElement('a');
      a.href = url;
      a.download = `ho-so-${view}.csv`;
      a.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  }

  const views = data?.views ?? {};
  return (
    <section aria-labelledby="inbox-title">
      <div className="page-head">
        <h1 id="inbox-title">Hồ sơ cần xử lý</h1>
        <p className="muted">
          {officer.role === 'admin' ? 'Mọi bộ phận của xã/phường' : 'Hồ sơ của bộ phận bạn'}
          {data ? ` · hôm nay ${viDate(data.today)}` : ''}
        </p>
      </div>

      <nav aria-label="Nhóm hồ sơ" className="tabs">
        {VIEW_ORDER.filter((v) => views[v] !== undefined || !data).map((v) => (
          <button
            key={v}
            type="button"
            className={v === view ? 'tab active' : 'tab'}
            aria-pressed={v === view}
            onClick={() => navigate(`/?${params({ view: v, page: 1 })}`)}
          >
            {views[v] ?? v}
            <span className={v === 'qua_han' && data?.counts.views[v] ? 'count late' : 'count'}>
              {data?.counts.views[v] ?? '…'}
            </span>
          </button>
        ))}
      </nav>

      <div className="toolbar">
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(`/?${params({ q: search.trim(), page: 1 })}`);
          }}
        >
          <label htmlFor="inbox-search">Tìm hồ sơ</label>
          <input
            id="inbox-search"
            type="search"
            value={search}
            placeholder="Mã hồ sơ, họ tên, 4 số cuối điện thoại, mã hoặc tên thủ tục"
            onChange={(e) => setSearch(e.target.value)}
          />
          <button type="submit">Tìm</button>
          {q && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setSearch('');
                navigate(`/?${params({ q: '', page: 1 })}`);
              }}
            >
              Xóa tìm kiếm
            </button>
          )}
        </form>
        <label htmlFor="inbox-sort">Sắp xếp</label>
        <select
          id="inbox-sort"
          value={sort}
          onChange={(e) => navigate(`/?${params({ sort: e.target.value, page: 1 })}`)}
        >
          <option value="hen_tra">Ngày hẹn trả (sớm nhất trước)</option>
          <option value="moi_nhat">Mới nộp nhất trước</option>
        </select>
        <button
          type="button"
          className="secondary"
          disabled={exporting}
          onClick={() => void exportCsv()}
        >
          {exporting ? 'Đang xuất…' : 'Xuất CSV'}
        </button>
      </div>

      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p role="status">Đang tải danh sách…</p>}
      {data && (
        <>
          <p role="status" className="muted">
            {data.total === 0
              ? 'Không có hồ sơ nào trong nhóm này.'
              : `${data.total.toLocaleString('vi-VN')} hồ sơ · trang ${data.page}/${data.pages}`}
          </p>
          {data.items.length > 0 && (
            <table className="list">
              <caption className="sr-only">Danh sách hồ sơ — {views[view]}</caption>
              <thead>
                <tr>
                  <th scope="col">Mã hồ sơ</th>
                  <th scope="col">Người nộp</th>
                  <th scope="col">Thủ tục</th>
                  <th scope="col">Trạng thái</th>
                  <th scope="col">Ngày nộp</th>
                  <th scope="col">Hẹn trả</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((d) => (
                  <tr key={d.reference} className={d.overdue ? 'overdue' : undefined}>
                    <td>
                      <Link to={`/ho-so/${d.reference}`} className="ref">
                        {d.reference}
                      </Link>
                    </td>
                    <td>
                      {d.applicantName}
                      <span className="muted small"> · ĐT …{d.phoneLast4}</span>
                    </td>
                    <td>
                      {d.procedure.name}
                      <span className="muted small"> ({d.procedure.code})</span>
                    </td>
                    <td>
                      <span className={`badge s-${d.status}`}>{d.statusLabel}</span>
                    </td>
                    <td>{viDateTime(d.submittedAt)}</td>
                    <td>
                      {viDate(d.appointmentDate)}
                      {d.overdue && <span className="badge late"> Quá hạn</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.pages > 1 && (
            <nav aria-label="Phân trang" className="pager">
              <button
                type="button"
                className="secondary"
                disabled={page <= 1}
                onClick={() => navigate(`/?${params({ page: page - 1 })}`)}
              >
                ← Trang trước
              </button>
              <span>
                Trang {data.page} / {data.pages}
              </span>
              <button
                type="button"
                className="secondary"
                disabled={page >= data.pages}
                onClick={() => navigate(`/?${params({ page: page + 1 })}`)}
              >
                Trang sau →
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
