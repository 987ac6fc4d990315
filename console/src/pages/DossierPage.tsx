/**
 * One dossier: applicant, the form's answers under its Vietnamese labels, attachments shown inline
 * (images and PDF), the timeline with officers' names, the procedure's facts from the catalogue, the
 * moves this officer may make now as buttons, the appointment date, and the documents to print.
 * Every change sends the version on screen; if a colleague acted first the officer is told and reloads.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, blobUrl } from '../api.js';
import { todayVi, viDate, viDateTime, vnd } from '../format.js';
import { Link } from '../router.js';
import type { PageProps } from '../routes.js';
import type { Attachment, DossierPage as Page, FormLabels, Move } from '../types.js';

const DELIVERY: Record<string, string> = {
  tai_quay: 'Nhận tại Bộ phận Một cửa',
  buu_chinh: 'Nhận qua bưu chính',
};

export default function DossierPage({ params }: PageProps) {
  const reference = params.reference ?? '';
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setPage(await api<Page>('GET', `/api/officer/dossiers/${encodeURIComponent(reference)}`));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [reference]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error && !page)
    return (
      <section>
        <h1>Hồ sơ {reference}</h1>
        <p className="error" role="alert">
          {error}
        </p>
        <Link to="/">← Về danh sách hồ sơ</Link>
      </section>
    );
  if (!page) return <p role="status">Đang tải hồ sơ…</p>;
  const d = page.dossier;

  return (
    <article aria-labelledby="dossier-title" className="dossier">
      <p>
        <Link to="/">← Về danh sách hồ sơ</Link>
      </p>
      <div className="page-head">
        <h1 id="dossier-title">
          Hồ sơ <span className="ref">{d.reference}</span>{' '}
          <span className={`badge s-${d.status}`}>{d.statusLabel}</span>
        </h1>
        <p className="muted">
          {d.procedure.name} ({d.procedure.code}) · {page.desk.name}
        </p>
      </div>

      <div className="columns">
        <div className="col-main">
          <Actions page={page} onChanged={setPage} reload={load} />
          <Appointment page={page} onChanged={load} />
          <section aria-labelledby="applicant-h" className="card">
            <h2 id="applicant-h">Người nộp hồ sơ</h2>
            <dl className="facts">
              <dt>Họ và tên</dt>
              <dd>{d.applicant.fullName}</dd>
              <dt>Số điện thoại</dt>
              <dd>{d.applicant.phone}</dd>
              {d.applicant.email && (
                <>
                  <dt>Email</dt>
                  <dd>{d.applicant.email}</dd>
                </>
              )}
              <dt>Nhận kết quả</dt>
              <dd>
                {DELIVERY[d.resultDelivery]}
                {d.deliveryAddress ? ` — ${d.deliveryAddress}` : ''}
              </dd>
              <dt>Ngày nộp</dt>
              <dd>{viDateTime(d.submittedAt)}</dd>
              <dt>Ngày tiếp nhận</dt>
              <dd>{d.receivedAt ? viDateTime(d.receivedAt) : 'Chưa tiếp nhận'}</dd>
              <dt>Ngày hẹn trả</dt>
              <dd>{viDate(d.appointmentDate)}</dd>
              {d.feeAmountVnd !== null && (
                <>
                  <dt>Phí, lệ phí</dt>
                  <dd>{vnd(d.feeAmountVnd)}</dd>
                </>
              )}
              {d.missingDocuments.length > 0 && (
                <>
                  <dt>Giấy tờ cần bổ sung</dt>
                  <dd>
                    <ul>
                      {d.missingDocuments.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
            </dl>
          </section>
          <FormData form={page.form} data={d.formData} />
          <Attachments reference={d.reference} items={d.attachments} form={page.form} />
        </div>
        <div className="col-side">
          <Documents page={page} />
          <section aria-labelledby="timeline-h" className="card">
            <h2 id="timeline-h">Quá trình xử lý</h2>
            <ol className="timeline">
              {d.history.map((h) => (
                <li key={h.seq}>
                  <span className="when">{viDateTime(h.at)}</span>
                  <strong>
                    {h.action === 'DAT_NGAY_HEN' ? 'Đặt ngày hẹn trả' : h.statusLabel}
                  </strong>
                  <span className="by">{h.by}</span>
                  {h.note && <span className="note">{h.note}</span>}
                </li>
              ))}
            </ol>
          </section>
          <ProcedureFacts page={page} />
        </div>
      </div>
    </article>
  );
}

function Actions(props: { page: Page; onChanged: (p: Page) => void; reload: () => Promise<void> }) {
  const { page } = props;
  const [open, setOpen] = useState<Move | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [extra, setExtra] = useState('');
  const [fee, setFee] = useState('');
  const [delivery, setDelivery] = useState(page.dossier.resultDelivery);
  const [tracking, setTracking] = useState('');
  const [error, setError] = useState<{ text: string; conflict: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const candidates = [
    ...(page.form?.documents.map((x) => x.label) ?? []),
    ...(page.procedure.details?.documents.map((x) => x.name) ?? []),
  ].filter((v, i, all) => all.indexOf(v) === i);

  function start(move: Move) {
    setOpen(move);
    setNote('');
    setMissing([]);
    setExtra('');
    setFee('');
    setTracking('');
    setError(null);
    setDone(null);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!open) return;
    const body: Record<string, unknown> = { to: open.to, expectedVersion: page.dossier.version };
    const noteText = [
      note.trim(),
      open.to === 'DA_TRA_KET_QUA' && tracking.trim() ? `Mã bưu gửi: ${tracking.trim()}` : '',
    ]
      .filter(Boolean)
      .join(' — ');
    if (noteText) body.note = noteText;
    if (open.needs.includes('note') && !note.trim()) {
      setError({ text: 'Vui lòng ghi rõ lý do.', conflict: false });
      return;
    }
    if (open.needs.includes('missingDocuments')) {
      const list = [
        ...missing,
        ...extra
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      ];
      if (list.length === 0) {
        setError({
          text: 'Vui lòng chọn hoặc ghi ít nhất một giấy tờ cần bổ sung.',
          conflict: false,
        });
        return;
      }
      body.missingDocuments = list;
    }
    if (open.needs.includes('feeAmountVnd') && fee.trim()) {
      const amount = Number(fee.replace(/[.\s,]/g, ''));
      if (!Number.isInteger(amount) || amount < 0) {
        setError({ text: 'Số tiền phải là số nguyên (đồng).', conflict: false });
        return;
      }
      body.feeAmountVnd = amount;
    }
    if (open.needs.includes('resultDelivery')) body.resultDelivery = delivery;
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/api/dossiers/${page.dossier.reference}/transitions`, body);
      const label = open.label;
      setOpen(null);
      await props.reload();
      setDone(`Đã thực hiện: ${label}.`);
    } catch (err) {
      const conflict = err instanceof ApiError && err.code === 'VERSION_CONFLICT';
      setError({
        text: err instanceof ApiError ? err.message : String(err),
        conflict,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="actions-h" className="card actions">
      <h2 id="actions-h">Xử lý hồ sơ</h2>
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      {page.allowedMoves.length === 0 ? (
        <p className="muted">Hồ sơ đã kết thúc: không còn thao tác nào.</p>
      ) : (
        <div className="buttons">
          {page.allowedMoves.map((m) => (
            <button
              key={m.to}
              type="button"
              className={m.to === 'KHONG_DUOC_TIEP_NHAN' || m.to === 'DUNG_XU_LY' ? 'danger' : ''}
              aria-expanded={open?.to === m.to}
              onClick={() => start(m)}
            >
              {m.label}
            </button>
          ))}
        </div>
      )}
      {open && (
        <form className="panel" onSubmit={(e) => void submit(e)} aria-label={open.label}>
          <h3>{open.label}</h3>
          {open.needs.includes('missingDocuments') && (
            <fieldset>
              <legend>Giấy tờ công dân cần bổ sung</legend>
              {candidates.map((c) => (
                <label key={c} className="check">
                  <input
                    type="checkbox"
                    checked={missing.includes(c)}
                    onChange={(e) =>
                      setMissing(
                        e.target.checked ? [...missing, c] : missing.filter((x) => x !== c),
                      )
                    }
                  />
                  {c}
                </label>
              ))}
              <label htmlFor="extra-docs">
                Giấy tờ khác hoặc yêu cầu cụ thể (mỗi dòng một mục)
              </label>
              <textarea
                id="extra-docs"
                rows={3}
                value={extra}
                onChange={(e) => setExtra(e.target.value)}
              />
            </fieldset>
          )}
          {open.needs.includes('feeAmountVnd') && (
            <>
              <label htmlFor="fee">Số tiền phí, lệ phí (đồng)</label>
              <input
                id="fee"
                inputMode="numeric"
                value={fee}
                onChange={(e) => setFee(e.target.value)}
              />
            </>
          )}
          {open.needs.includes('resultDelivery') && (
            <fieldset>
              <legend>Hình thức trả kết quả</legend>
              <label className="check">
                <input
                  type="radio"
                  name="delivery"
                  checked={delivery === 'tai_quay'}
                  onChange={() => setDelivery('tai_quay')}
                />
                Trả tại Bộ phận Một cửa
              </label>
              <label className="check">
                <input
                  type="radio"
                  name="delivery"
                  checked={delivery === 'buu_chinh'}
                  onChange={() => setDelivery('buu_chinh')}
                />
                Gửi qua bưu chính
              </label>
              {delivery === 'buu_chinh' && (
                <>
                  <label htmlFor="tracking">Mã bưu gửi / ghi chú vận chuyển</label>
                  <input
                    id="tracking"
                    value={tracking}
                    onChange={(e) => setTracking(e.target.value)}
                  />
                </>
              )}
            </fieldset>
          )}
          <label htmlFor="move-note">
            {open.needs.includes('note')
              ? 'Lý do (bắt buộc)'
              : 'Ghi chú gửi công dân (không bắt buộc)'}
          </label>
          <textarea
            id="move-note"
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {error && (
            <div className="error" role="alert">
              <p>{error.text}</p>
              {error.conflict && (
                <button
                  type="button"
                  onClick={() => {
                    setOpen(null);
                    void props.reload();
                  }}
                >
                  Tải lại hồ sơ
                </button>
              )}
            </div>
          )}
          <div className="buttons">
            <button type="submit" disabled={busy}>
              {busy ? 'Đang lưu…' : `Xác nhận: ${open.label}`}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(null)}>
              Hủy
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Appointment({ page, onChanged }: { page: Page; onChanged: () => Promise<void> }) {
  const d = page.dossier;
  const open = ['MOI_DANG_KY', 'DUOC_TIEP_NHAN', 'DANG_XU_LY', 'YEU_CAU_THUC_HIEN_NVTC'].includes(
    d.status,
  );
  const [date, setDate] = useState(d.appointmentDate ?? '');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open) return null;
  const reasonRequired = page.appointmentNeedsReason || d.appointmentDate !== null;

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!date) return setMessage({ text: 'Vui lòng chọn ngày hẹn trả.', ok: false });
    if (reasonRequired && !reason.trim())
      return setMessage({ text: 'Vui lòng ghi lý do hoặc căn cứ của ngày hẹn.', ok: false });
    setBusy(true);
    try {
      await api('POST', `/api/officer/dossiers/${d.reference}/appointment`, {
        date,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        expectedVersion: d.version,
      });
      setReason('');
      await onChanged();
      setMessage({ text: 'Đã lưu ngày hẹn trả và báo cho công dân.', ok: true });
    } catch (err) {
      setMessage({ text: err instanceof ApiError ? err.message : String(err), ok: false });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="appt-h" className="card">
      <h2 id="appt-h">Ngày hẹn trả kết quả</h2>
      {page.appointmentNeedsReason && d.appointmentDate === null && (
        <p className="warn">
          Thời hạn giải quyết của thủ tục này trong cơ sở dữ liệu không ghi đơn vị, nên hệ thống
          không tự tính ngày hẹn. Vui lòng đặt ngày hẹn và ghi căn cứ.
        </p>
      )}
      <form className="inline" onSubmit={(e) => void save(e)}>
        <label htmlFor="appt-date">Ngày hẹn trả</label>
        <input
          id="appt-date"
          type="date"
          min={todayVi()}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <label htmlFor="appt-reason">Lý do / căn cứ{reasonRequired ? ' (bắt buộc)' : ''}</label>
        <input id="appt-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" disabled={busy}>
          {d.appointmentDate ? 'Đổi ngày hẹn' : 'Đặt ngày hẹn'}
        </button>
      </form>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return viDate(value);
  return String(value);
}

function FormData({ form, data }: { form: FormLabels | null; data: Record<string, unknown> }) {
  const known = new Set(form?.sections.flatMap((s) => s.fields.map((f) => f.name)) ?? []);
  const rest = Object.keys(data).filter((k) => !known.has(k));
  return (
    <section aria-labelledby="form-h" className="card">
      <h2 id="form-h">{form ? `Tờ khai — ${form.template}` : 'Nội dung tờ khai'}</h2>
      {form?.sections.map((s) => {
        const fields = s.fields.filter((f) => data[f.name] !== undefined && data[f.name] !== '');
        if (fields.length === 0) return null;
        return (
          <div key={s.title}>
            <h3>{s.title}</h3>
            <dl className="facts">
              {fields.map((f) => (
                <div key={f.name} className="fact">
                  <dt>{f.label}</dt>
                  <dd>
                    {f.kind === 'table' && Array.isArray(data[f.name]) ? (
                      <table className="mini">
                        <thead>
                          <tr>
                            {f.columns?.map((c) => (
                              <th key={c.name} scope="col">
                                {c.label}
                              </th>
                            ))}
                          </tr>
                        </thead>
                        <tbody>
                          {(data[f.name] as Array<Record<string, unknown>>).map((row, i) => (
                            <tr key={i}>
                              {f.columns?.map((c) => (
                                <td key={c.name}>{show(row[c.name])}</td>
                              ))}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    ) : (
                      show(data[f.name])
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        );
      })}
      {rest.length > 0 && (
        <dl className="facts">
          {rest.map((k) => (
            <div key={k} className="fact">
              <dt>{k}</dt>
              <dd>{show(data[k])}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function Attachments(props: { reference: string; items: Attachment[]; form: FormLabels | null }) {
  const [viewing, setViewing] = useState<{ item: Attachment; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = (code: string) =>
    props.form?.documents.find((x) => x.code === code)?.label ??
    (code === 'bo_sung' ? 'Giấy tờ bổ sung' : code);

  useEffect(
    () => () => {
      if (viewing) URL.revokeObjectURL(viewing.url);
    },
    [viewing],
  );

  async function open(item: Attachment) {
    setError(null);
    try {
      const { url } = await blobUrl(`/api/dossiers/${props.reference}/attachments/${item.id}`);
      setViewing({ item, url });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <section aria-labelledby="att-h" className="card">
      <h2 id="att-h">Giấy tờ đính kèm ({props.items.length})</h2>
      {props.items.length === 0 && <p className="muted">Không có tệp đính kèm.</p>}
      <ul className="files">
        {props.items.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="link"
              aria-pressed={viewing?.item.id === a.id}
              onClick={() => void open(a)}
            >
              Xem {label(a.documentCode)}
            </button>
            <span className="muted small">
              {' '}
              {a.fileName} · {a.contentType === 'application/pdf' ? 'PDF' : 'Ảnh'} ·{' '}
              {Math.max(1, Math.round(a.sizeBytes / 1024))} KB · {viDateTime(a.uploadedAt)}
            </span>
          </li>
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {viewing && (
        <figure className="viewer">
          <figcaption>
            {label(viewing.item.documentCode)} — {viewing.item.fileName}{' '}
            <button type="button" className="secondary" onClick={() => setViewing(null)}>
              Đóng
            </button>
          </figcaption>
          {viewing.item.contentType === 'application/pdf' ? (
            <iframe title={`Tệp PDF: ${viewing.item.fileName}`} src={viewing.url} className="pdf" />
          ) : (
            <img
              src={viewing.url}
              alt={`${label(viewing.item.documentCode)} (${viewing.item.fileName})`}
            />
          )}
        </figure>
      )}
    </section>
  );
}

function Documents({ page }: { page: Page }) {
  const d = page.dossier;
  const received = d.receivedAt !== null;
  const supplement = d.history.some((h) => h.status === 'YEU_CAU_BO_SUNG');
  const late =
    d.appointmentDate !== null &&
    d.appointmentDate < todayVi() &&
    ['MOI_DANG_KY', 'DUOC_TIEP_NHAN', 'DANG_XU_LY'].includes(d.status);
  return (
    <section aria-labelledby="docs-h" className="card">
      <h2 id="docs-h">In giấy tờ</h2>
      <ul className="plain">
        <li>
          {received ? (
            <Link to={`/in/tiep-nhan/${d.reference}`}>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</Link>
          ) : (
            <span className="muted">Giấy tiếp nhận: có sau khi tiếp nhận hồ sơ</span>
          )}
        </li>
        {supplement && (
          <li>
            <Link to={`/in/bo-sung/${d.reference}`}>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</Link>
          </li>
        )}
        <li>
          {late || d.history.some((h) => h.action === 'XIN_LOI_HEN_LAI') ? (
            <Link to={`/in/xin-loi/${d.reference}`}>Phiếu xin lỗi và hẹn lại ngày trả kết quả</Link>
          ) : (
            <Link to={`/in/xin-loi/${d.reference}`} className="muted">
              Phiếu xin lỗi và hẹn lại ngày trả (khi trễ hẹn)
            </Link>
          )}
        </li>
      </ul>
    </section>
  );
}

function ProcedureFacts({ page }: { page: Page }) {
  const p = page.procedure;
  const facts = p.details;
  return (
    <section aria-labelledby="proc-h" className="card">
      <h2 id="proc-h">Thông tin thủ tục</h2>
      <p>
        <strong>{p.name}</strong> ({p.code})
      </p>
      <dl className="facts">
        <dt>Cơ quan thực hiện</dt>
        <dd>{p.agency ?? 'Không có thông tin'}</dd>
        <dt>Thời hạn (tính ngày hẹn)</dt>
        <dd>
          {p.processingWorkingDays !== null
            ? `${p.processingWorkingDays} ngày làm việc`
            : 'Không ghi đơn vị — cán bộ đặt ngày hẹn'}
        </dd>
        {facts?.filingMethods.map((m) => (
          <div key={m.channel} className="fact">
            <dt>{m.channel}</dt>
            <dd>
              {m.time ?? '—'}
              {m.fees.length > 0 && (
                <span className="small"> · Phí, lệ phí: {m.fees.join('; ')}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {facts && facts.documents.length > 0 && (
        <details>
          <summary>Thành phần hồ sơ theo quy định ({facts.documents.length})</summary>
          <ul>
            {facts.documents.map((x, i) => (
              <li key={i}>
                {x.group ? <span className="muted">{x.group}: </span> : null}
                {x.name}
              </li>
            ))}
          </ul>
        </details>
      )}
      {facts && facts.legalBases.length > 0 && (
        <details>
          <summary>Căn cứ pháp lý ({facts.legalBases.length})</summary>
          <ul>
            {facts.legalBases.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
        </details>
      )}
      {facts && (
        <p>
          <a href={facts.sourceUrl} target="_blank" rel="noreferrer">
            Xem trên Cổng Dịch vụ công quốc gia
          </a>
        </p>
      )}
    </section>
  );
}
