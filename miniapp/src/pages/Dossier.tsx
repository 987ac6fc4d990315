import { useEffect, useState } from 'react';
import { useParams } from 'zmp-ui';
import { ErrorBox, Loading, Screen } from '../components';
import { Attachments } from '../form/Attachments';
import { useServices } from '../context';
import { api, messageOf } from '../lib/api';
import { formatDateLong, formatDateTime } from '../lib/dates';
import type { DraftAttachment } from '../lib/drafts';
import { deleteFile, getFile } from '../lib/file-store';
import { groupReference } from '../lib/reference';
import type { DossierView } from '../lib/types';

interface RatingState {
  canRate: boolean;
  rating: { stars: number; comment: string | null; ratedAt: string } | null;
}

function Supplement({
  dossier,
  onDone,
}: {
  dossier: DossierView;
  onDone: (d: DossierView) => void;
}) {
  const { options } = useServices();
  const [items, setItems] = useState<DraftAttachment[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send() {
    if (busy) return;
    if (items.length === 0) {
      setError('Vui lòng đính kèm giấy tờ còn thiếu.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = new FormData();
      body.append('payload', JSON.stringify(note.trim() ? { note: note.trim() } : {}));
      for (const i of items) {
        const blob = await getFile(i.key);
        if (blob) body.append(i.documentCode, blob, i.fileName);
      }
      const updated = await api<DossierView>(`/api/dossiers/${dossier.reference}/supplements`, {
        method: 'POST',
        body,
      });
      for (const i of items) void deleteFile(i.key);
      onDone(updated);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="supplement">
      <h2>Cần bổ sung giấy tờ</h2>
      <ul>
        {dossier.missingDocuments.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <Attachments
        documents={[{ code: 'bo_sung', label: 'Giấy tờ bổ sung', required: true, condition: null }]}
        items={items}
        errors={{}}
        maxBytes={options.maxAttachmentBytes}
        maxFiles={options.maxAttachments}
        onAdd={(added) => setItems((x) => [...x, ...added])}
        onRemove={(key) => setItems((x) => x.filter((i) => i.key !== key))}
      />
      <div className="field">
        <label htmlFor="supplement-note">Ghi chú cho cán bộ (không bắt buộc)</label>
        <textarea
          id="supplement-note"
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {error ? <ErrorBox message={error} /> : null}
      <button
        type="button"
        className="primary-button wide"
        id="send-supplement"
        disabled={busy}
        onClick={() => void send()}
      >
        {busy ? 'Đang gửi…' : 'Gửi giấy tờ bổ sung'}
      </button>
    </section>
  );
}

function Rating({ reference }: { reference: string }) {
  const [state, setState] = useState<RatingState | null>(null);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<RatingState>(`/api/dossiers/${reference}/rating`).then(setState, () => undefined);
  }, [reference]);

  if (!state?.canRate) return null;
  if (state.rating)
    return (
      <section className="rating">
        <h2>Đánh giá của bạn</h2>
        <p className="stars" aria-label={`${state.rating.stars} trên 5 sao`}>
          {'★'.repeat(state.rating.stars)}
          {'☆'.repeat(5 - state.rating.stars)}
        </p>
        {state.rating.comment ? <p>{state.rating.comment}</p> : null}
        <p className="muted">Cảm ơn bạn đã góp ý.</p>
      </section>
    );

  async function send() {
    setBusy(true);
    setError(null);
    try {
      setState(
        await api<RatingState>(`/api/dossiers/${reference}/rating`, {
          json: { stars, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        }),
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="rating">
      <h2>Bạn hài lòng với việc giải quyết hồ sơ?</h2>
      <div className="star-row" role="radiogroup" aria-label="Số sao">
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={stars === n}
            aria-label={`${n} sao`}
            className={`star${n <= stars ? ' on' : ''}`}
            onClick={() => setStars(n)}
          >
            ★
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor="rating-comment">Góp ý (không bắt buộc)</label>
        <textarea
          id="rating-comment"
          rows={2}
          maxLength={1000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {error ? <ErrorBox message={error} /> : null}
      <button
        type="button"
        className="primary-button wide"
        id="send-rating"
        disabled={busy || stars === 0}
        onClick={() => void send()}
      >
        Gửi đánh giá
      </button>
    </section>
  );
}

export function DossierPage() {
  const { reference = '' } = useParams();
  const [dossier, setDossier] = useState<DossierView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    api<DossierView>(`/api/dossiers/${encodeURIComponent(reference)}`).then(setDossier, (e) =>
      setError(messageOf(e)),
    );
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), 30_000);
    return () => window.clearInterval(timer);
  }, [reference]);

  if (error)
    return (
      <Screen title="Hồ sơ">
        <ErrorBox message={error} />
      </Screen>
    );
  if (!dossier)
    return (
      <Screen title="Hồ sơ">
        <Loading />
      </Screen>
    );
  return (
    <Screen title="Hồ sơ">
      <h1 className="procedure-name">{dossier.procedure.name}</h1>
      <p className="muted">
        Mã hồ sơ <b>{groupReference(dossier.reference)}</b>
        {dossier.trial ? <span className="badge trial">Dùng thử</span> : null}
      </p>
      <p className={`status status-${dossier.status}`} id="current-status">
        {dossier.statusLabel}
      </p>
      {dossier.appointmentDate ? (
        <p>Ngày hẹn trả kết quả: {formatDateLong(dossier.appointmentDate)}</p>
      ) : null}
      {dossier.status === 'YEU_CAU_BO_SUNG' ? (
        <Supplement dossier={dossier} onDone={setDossier} />
      ) : null}
      <Rating reference={dossier.reference} key={dossier.status} />
      <section>
        <h2>Quá trình xử lý</h2>
        <ol className="timeline">
          {[...dossier.history].reverse().map((h) => (
            <li key={h.seq}>
              <span className="timeline-status">{h.statusLabel}</span>
              <span className="muted">
                {formatDateTime(h.at)} · {h.by}
              </span>
              {h.note ? <span className="timeline-note">{h.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </Screen>
  );
}
