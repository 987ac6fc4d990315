/**
 * The delivery ledger of one notice: totals and a progress bar that follow the delivery worker live
 * (polling while the notice is going out), one row per group — sent (message ids, time), failed
 * (reason), pending, share-kit (with "đã chia sẻ") —, CSV export, cancel before it goes, and the share
 * kit for villagers' own Zalo groups: the text to paste, the short link to the public page and its QR.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, blobUrl } from '../api.js';
import { viDateTime } from '../format.js';
import { FlashLine, messageOf, type Flash } from '../notice-ui.js';
import {
  NOTICE_STATUS_LABEL,
  PLATFORM_LABEL,
  type Ledger,
  type LedgerItem,
} from '../notice-types.js';
import { Link } from '../router.js';
import type { PageProps } from '../routes.js';

/** While a notice is going out the ledger is read every second; a scheduled one every 10 s. */
const POLL_SENDING_MS = 1000;
const POLL_SCHEDULED_MS = 10_000;
/** After a failed read (network), the next try. */
const RETRY_MS = 5000;
/** A ledger this long is read every 3 s instead (a whole district's groups). */
const BIG_LEDGER = 300;

const absolute = (url: string) => new URL(url, window.location.origin).toString();

export default function NoticeLedgerPage({ params }: PageProps) {
  const id = params.id!;
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [flash, setFlash] = useState<Flash | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** Failed reads in a row (each one schedules another try). */
  const [failures, setFailures] = useState(0);
  const [exporting, setExporting] = useState(false);

  const load = useCallback(async () => {
    try {
      setLedger(await api<Ledger>('GET', `/api/notices/${encodeURIComponent(id)}`));
      setLoadError(null);
      setFailures(0);
    } catch (e) {
      setLoadError(messageOf(e));
      setFailures((n) => n + 1);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  // Live progress: after each read, read again while the worker is (or will soon be) sending —
  // including after an officer's action sends a delivery again; stop once everything is settled.
  useEffect(() => {
    if (!ledger && failures === 0) return;
    const status = ledger?.notice.status;
    const big = (ledger?.items.length ?? 0) > BIG_LEDGER;
    const wait =
      failures > 0
        ? RETRY_MS
        : status === 'sending'
          ? big
            ? POLL_SENDING_MS * 3
            : POLL_SENDING_MS
          : status === 'scheduled'
            ? Math.min(
                POLL_SCHEDULED_MS,
                Math.max(POLL_SENDING_MS, Date.parse(ledger!.notice.sendAt) - Date.now()),
              )
            : null;
    if (wait === null) return;
    const timer = window.setTimeout(() => void load(), wait);
    return () => window.clearTimeout(timer);
  }, [ledger, failures, load]);

  async function run(action: () => Promise<unknown>, ok: string) {
    setFlash(null);
    try {
      await action();
      await load();
      setFlash({ text: ok, ok: true });
    } catch (e) {
      setFlash({ text: messageOf(e), ok: false });
    }
  }

  async function exportCsv() {
    if (!ledger) return;
    setExporting(true);
    try {
      const { url } = await blobUrl(`/api/notices/${ledger.notice.id}/ledger.csv`);
      const a = document.createElement('a');
      a.href = url;
      a.download = `so-giao-nhan-${ledger.notice.publicId}.csv`;
      a.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setFlash({ text: messageOf(e), ok: false });
    } finally {
      setExporting(false);
    }
  }

  if (!ledger) {
    return (
      <section aria-labelledby="ledger-h">
        <h1 id="ledger-h">Sổ gửi thông báo</h1>
        {loadError ? (
          <p className="error" role="alert">
            {loadError} <Link to="/thong-bao">Về danh sách thông báo</Link>
          </p>
        ) : (
          <p role="status">Đang tải sổ gửi…</p>
        )}
      </section>
    );
  }

  const { notice: n, totals: t, items } = ledger;
  const settled = t.total - t.pending;
  const shareKits = items.filter((i) => i.kind === 'share-kit');
  const botItems = t.total - t.shareKit - t.shared;
  const done = t.sent + t.failed + t.unknown;

  return (
    <section aria-labelledby="ledger-h">
      <p className="small">
        <Link to="/thong-bao">← Danh sách thông báo</Link>
      </p>
      <div className="page-head ledger-head">
        <h1 id="ledger-h">
          {n.title} <span className={`badge n-${n.status}`}>{NOTICE_STATUS_LABEL[n.status]}</span>
          {t.unknown > 0 && <span className="badge d-unknown">Cần kiểm tra {t.unknown} nhóm</span>}
        </h1>
        <p className="muted">
          {n.status === 'scheduled' ? 'Hẹn gửi lúc ' : 'Gửi lúc '}
          {viDateTime(n.sendAt)} · soạn bởi {n.createdBy} · nơi nhận: {targetsText(ledger)}
          {n.cancelledAt ? ` · huỷ lúc ${viDateTime(n.cancelledAt)}` : ''}
        </p>
        <div className="buttons">
          {n.status === 'scheduled' && (
            <button
              type="button"
              className="danger"
              onClick={() =>
                void run(
                  () => api('POST', `/api/notices/${n.id}/cancel`),
                  'Đã huỷ thông báo; không nhóm nào nhận được.',
                )
              }
            >
              Huỷ gửi
            </button>
          )}
          <button
            type="button"
            className="secondary"
            disabled={exporting || t.total === 0}
            onClick={() => void exportCsv()}
          >
            {exporting ? 'Đang xuất…' : 'Tải sổ gửi (CSV)'}
          </button>
          {(n.status === 'sending' || n.status === 'sent') && (
            <a
              className="button-link secondary"
              href={n.publicUrl}
              target="_blank"
              rel="noreferrer"
            >
              Mở trang thông báo công khai
            </a>
          )}
        </div>
      </div>
      <FlashLine flash={flash} />
      {loadError && (
        <p className="warn" role="status">
          Mất kết nối tạm thời, đang thử lại… ({loadError})
        </p>
      )}

      <Progress ledger={ledger} />

      <dl className="tiles" aria-label="Tổng hợp">
        <Tile label="Nơi nhận" value={t.total} />
        <Tile label="Đã gửi" value={t.sent} tone="ok" />
        <Tile label="Đang chờ gửi" value={t.pending} />
        <Tile label="Không gửi được" value={t.failed} tone={t.failed > 0 ? 'bad' : undefined} />
        {t.unknown > 0 && <Tile label="Chưa rõ — cần kiểm tra" value={t.unknown} tone="bad" />}
        <Tile label="Chờ chia sẻ tay" value={t.shareKit} />
        <Tile label="Đã chia sẻ" value={t.shared} tone="ok" />
        {t.possibleDuplicates > 0 && (
          <Tile label="Có thể trùng tin" value={t.possibleDuplicates} tone="bad" />
        )}
      </dl>
      <p className="sr-only" role="status" aria-live="polite">
        {n.status === 'sending'
          ? `Đang gửi: ${done}/${botItems} nhóm đã xong.`
          : n.status === 'sent'
            ? `Đã gửi xong: ${t.sent} nhóm nhận, ${t.failed} không gửi được` +
              (t.unknown > 0 ? `, ${t.unknown} chưa rõ cần kiểm tra.` : '.')
            : ''}
      </p>

      {n.status === 'scheduled' && (
        <p className="notice">
          Chưa đến giờ gửi. Danh sách nhóm nhận được lập lúc gửi, theo các nhóm đang hoạt động khi
          đó.
        </p>
      )}
      {n.status === 'cancelled' && <p className="notice">Thông báo đã huỷ, không gửi đi.</p>}

      {items.length > 0 && (
        <table className="list ledger">
          <caption className="sr-only">
            Sổ gửi: {settled}/{t.total} nơi nhận đã có kết quả
          </caption>
          <thead>
            <tr>
              <th scope="col">Nhóm</th>
              <th scope="col">Thôn / TDP</th>
              <th scope="col">Nền tảng</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Mã tin nhắn</th>
              <th scope="col">Thời điểm</th>
              <th scope="col">Ghi chú</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <LedgerRow
                key={i.id}
                item={i}
                onShared={() =>
                  void run(
                    () => api('POST', `/api/notices/${n.id}/deliveries/${i.id}/shared`),
                    `Đã ghi nhận: nhóm “${i.group}” đã chia sẻ.`,
                  )
                }
                onResolve={(arrived) =>
                  void run(
                    () =>
                      api('POST', `/api/notices/${n.id}/deliveries/${i.id}/resolve`, { arrived }),
                    arrived
                      ? `Đã ghi nhận: tin đã có trong nhóm “${i.group}”.`
                      : `Sẽ gửi lại vào nhóm “${i.group}”.`,
                  )
                }
              />
            ))}
          </tbody>
        </table>
      )}

      {shareKits.length > 0 && <ShareKit ledger={ledger} />}
    </section>
  );
}

function targetsText(l: Ledger): string {
  const { wholeCommune, villages, tags } = l.notice.targets;
  if (wholeCommune) return 'cả xã';
  return [
    villages.length > 0 ? villages.join(', ') : null,
    tags.length > 0 ? `nhãn ${tags.join(', ')}` : null,
  ]
    .filter(Boolean)
    .join('; ');
}

function Tile(props: { label: string; value: number; tone?: 'ok' | 'bad' | undefined }) {
  return (
    <div className={`tile ${props.tone ?? ''}`}>
      <dt>{props.label}</dt>
      <dd>{props.value.toLocaleString('vi-VN')}</dd>
    </div>
  );
}

function Progress({ ledger }: { ledger: Ledger }) {
  const t = ledger.totals;
  const bots = t.total - t.shareKit - t.shared;
  if (bots === 0) return null;
  const done = t.sent + t.failed + t.unknown;
  const pct = Math.round((t.sent / bots) * 100);
  return (
    <div className="progress-line">
      <span id="progress-label">
        Gửi qua bot: {done}/{bots} nhóm
        {ledger.notice.status === 'sending' ? ' — đang gửi…' : ''}
      </span>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby="progress-label"
        aria-valuemin={0}
        aria-valuemax={bots}
        aria-valuenow={done}
        aria-valuetext={`${done} trên ${bots} nhóm`}
      >
        <div className="bar" style={{ width: `${pct}%` }} />
        {t.unknown > 0 && (
          <div
            className="bar doubt"
            style={{ width: `${Math.round((t.unknown / bots) * 100)}%` }}
          />
        )}
        {t.failed > 0 && (
          <div className="bar bad" style={{ width: `${Math.round((t.failed / bots) * 100)}%` }} />
        )}
      </div>
    </div>
  );
}

function LedgerRow({
  item: i,
  onShared,
  onResolve,
}: {
  item: LedgerItem;
  onShared(): void;
  onResolve(arrived: boolean): void;
}) {
  const when = i.sentAt ?? i.sharedAt;
  return (
    <tr className={`d-${i.state}`}>
      <td>
        {i.group}
        {i.kind === 'share-kit' && i.adminName && (
          <span className="small muted"> · {i.adminName}</span>
        )}
      </td>
      <td>{i.village ?? <span className="muted">—</span>}</td>
      <td>{PLATFORM_LABEL[i.kind === 'share-kit' ? 'share-kit' : i.platform] ?? i.platform}</td>
      <td>
        <span className={`badge d-${i.state}`}>{i.stateLabel}</span>
      </td>
      <td className="mono">{i.messageIds.length > 0 ? i.messageIds.join(', ') : '—'}</td>
      <td>{when ? viDateTime(when) : '—'}</td>
      <td>
        {i.error && i.state === 'failed' && <span className="field-error">{i.error}</span>}
        {i.error && i.state === 'unknown' && <span className="doubt-note">{i.error}</span>}
        {i.state === 'unknown' && (
          <div className="buttons">
            <button
              type="button"
              className="secondary small"
              aria-label={`Tin đã có trong nhóm ${i.group}`}
              onClick={() => onResolve(true)}
            >
              Đã có trong nhóm
            </button>
            <button
              type="button"
              className="secondary small"
              aria-label={`Chưa có, gửi lại vào nhóm ${i.group}`}
              onClick={() => onResolve(false)}
            >
              Chưa có — gửi lại
            </button>
          </div>
        )}
        {i.resolvedBy && i.state !== 'unknown' && (
          <span className="small muted">Cán bộ {i.resolvedBy} đã kiểm tra nhóm. </span>
        )}
        {i.error && i.state !== 'failed' && i.state !== 'unknown' && (
          <span className="small muted">Sẽ tự gửi lại (lần trước nền tảng báo: {i.error}).</span>
        )}
        {i.possibleDuplicate && (
          <span className="small">
            Có thể nhóm nhận 2 lần (mạng chậm khi gửi, nền tảng không chống trùng).
          </span>
        )}
        {i.attempts > 1 && i.state !== 'failed' && (
          <span className="small muted"> Đã thử {i.attempts} lần.</span>
        )}
        {i.state === 'shared' && i.sharedBy && (
          <span className="small muted">Xác nhận bởi {i.sharedBy}.</span>
        )}
        {i.state === 'share-kit' && (
          <div className="buttons">
            <button
              type="button"
              className="secondary small"
              aria-label={`Đánh dấu đã chia sẻ: ${i.group}`}
              onClick={onShared}
            >
              Đánh dấu đã chia sẻ
            </button>
            {i.shareLink && (
              <CopyButton
                text={absolute(i.shareLink)}
                label="Chép liên kết cho trưởng nhóm"
                describe={`liên kết chia sẻ của nhóm ${i.group}`}
              />
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

/** Copies text to the clipboard and says so; falls back to selecting it when copying is refused. */
function CopyButton(props: { text: string; label: string; describe: string; target?: string }) {
  const [said, setSaid] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.text);
      setSaid('Đã chép.');
    } catch {
      const el = props.target ? document.getElementById(props.target) : null;
      if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
        el.focus();
        el.select();
        setSaid('Trình duyệt không cho chép tự động: nội dung đã được chọn, bấm Ctrl+C.');
      } else {
        setSaid('Trình duyệt không cho chép tự động.');
      }
    }
  }
  return (
    <>
      <button
        type="button"
        className="secondary small"
        aria-label={`${props.label} (${props.describe})`}
        onClick={() => void copy()}
      >
        {props.label}
      </button>
      <span role="status" className="small muted">
        {said}
      </span>
    </>
  );
}

function ShareKit({ ledger }: { ledger: Ledger }) {
  const n = ledger.notice;
  const link = absolute(n.publicUrl);
  return (
    <section className="card sharekit" aria-labelledby="sk-h">
      <h2 id="sk-h">Bộ chia sẻ cho nhóm Zalo của thôn</h2>
      <p className="small muted">
        Gửi cho trưởng nhóm (hoặc chép liên kết riêng của từng nhóm ở bảng trên): họ dán nội dung
        vào nhóm, kèm ảnh mã QR nếu cần, rồi bấm “Tôi đã chia sẻ”.
      </p>
      <div className="sharekit-grid">
        <div className="stack">
          <label htmlFor="sk-text">Nội dung để dán vào nhóm</label>
          <textarea id="sk-text" readOnly rows={10} value={ledger.shareKitText} />
          <div className="buttons">
            <CopyButton
              text={ledger.shareKitText}
              label="Chép nội dung"
              describe="nội dung bộ chia sẻ"
              target="sk-text"
            />
          </div>
          <label htmlFor="sk-link">Đường dẫn ngắn đến trang thông báo</label>
          <input id="sk-link" readOnly value={link} onFocus={(e) => e.target.select()} />
          <div className="buttons">
            <CopyButton
              text={link}
              label="Chép đường dẫn"
              describe="đường dẫn trang thông báo"
              target="sk-link"
            />
          </div>
        </div>
        <figure className="qr">
          <img src={n.qrUrl} width={200} height={200} alt={`Mã QR mở trang thông báo ${link}`} />
          <figcaption className="small">
            <a href={n.qrUrl} download={`qr-thong-bao-${n.publicId}.png`}>
              Tải ảnh mã QR
            </a>
          </figcaption>
        </figure>
      </div>
    </section>
  );
}
