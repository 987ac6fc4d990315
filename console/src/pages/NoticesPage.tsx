/**
 * Notices of the commune, newest first: status, when, who, and how far delivery got; each opens its
 * ledger. While one is going out, the list refreshes itself.
 */
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { viDateTime } from '../format.js';
import { messageOf } from '../notice-ui.js';
import { NOTICE_STATUS_LABEL, type NoticeListItem } from '../notice-types.js';
import { Link } from '../router.js';
import type { PageProps } from '../routes.js';

const REFRESH_MS = 3000;

export default function NoticesPage(_props: PageProps) {
  const [items, setItems] = useState<NoticeListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    const load = async () => {
      try {
        const res = await api<{ items: NoticeListItem[] }>('GET', '/api/notices');
        if (!live) return;
        setItems(res.items);
        setError(null);
        if (res.items.some((n) => n.status === 'sending'))
          timer = window.setTimeout(() => void load(), REFRESH_MS);
      } catch (e) {
        if (live) setError(messageOf(e));
      }
    };
    void load();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, []);

  return (
    <section aria-labelledby="notices-h">
      <div className="page-head row">
        <div className="grow">
          <h1 id="notices-h">Thông báo đến nhóm thôn</h1>
          <p className="muted">Thông báo gần đây nhất ở trên cùng.</p>
        </div>
        <Link to="/thong-bao/soan" className="button-link">
          Soạn thông báo mới
        </Link>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!items && !error && <p role="status">Đang tải danh sách thông báo…</p>}
      {items && items.length === 0 && (
        <p className="muted">
          Chưa có thông báo nào. Bấm “Soạn thông báo mới” để gửi thông báo đầu tiên.
        </p>
      )}
      {items && items.length > 0 && (
        <table className="list">
          <caption className="sr-only">Danh sách thông báo</caption>
          <thead>
            <tr>
              <th scope="col">Tiêu đề</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Gửi lúc</th>
              <th scope="col">Người soạn</th>
              <th scope="col">Kết quả gửi</th>
            </tr>
          </thead>
          <tbody>
            {items.map((n) => (
              <tr key={n.id}>
                <td>
                  <Link to={`/thong-bao/${n.id}`}>{n.title}</Link>
                </td>
                <td>
                  <span className={`badge n-${n.status}`}>{NOTICE_STATUS_LABEL[n.status]}</span>
                </td>
                <td>{viDateTime(n.sendAt)}</td>
                <td>{n.createdBy}</td>
                <td>{resultText(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function resultText(n: NoticeListItem): string {
  const t = n.totals;
  if (n.status === 'cancelled') return '—';
  if (t.total === 0) return n.status === 'scheduled' ? 'Chưa đến giờ gửi' : 'Không có nhóm nhận';
  const parts = [`đã gửi ${t.sent}/${t.total - t.shareKit - t.shared}`];
  if (t.pending > 0) parts.push(`đang chờ ${t.pending}`);
  if (t.failed > 0) parts.push(`lỗi ${t.failed}`);
  if (t.unknown > 0) parts.push(`chưa rõ ${t.unknown} (cần kiểm tra)`);
  if (t.shareKit + t.shared > 0) parts.push(`chia sẻ tay ${t.shared}/${t.shareKit + t.shared}`);
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
