/**
 * Compose a notice: start from a template (its blanks filled in small fields), write the text, an
 * optional image and link, choose who receives it (the whole commune, villages, tags) with a live
 * count of the groups reached, check the preview on each platform (the server renders it exactly as
 * it will be sent), then send now or at a chosen time.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../api.js';
import { useCommune } from '../commune.js';
import { viDateTime } from '../format.js';
import { FlashLine, messageOf, type Flash } from '../notice-ui.js';
import {
  PLATFORM_LABEL,
  type Notice,
  type NoticeGroup,
  type NoticePreview,
  type NoticeTargets,
  type NoticeTemplate,
  type Recipients,
} from '../notice-types.js';
import { navigate } from '../router.js';
import type { PageProps } from '../routes.js';
import { PreviewPanel } from './NoticePreview.js';

/** Labels of the templates' blanks (api/notices/notice-templates.json `fields`). */
const FIELD_LABEL: Record<string, string> = {
  thon: 'Thôn / tổ dân phố',
  gio: 'Giờ',
  ngay: 'Ngày',
  dia_diem: 'Địa điểm',
  noi_dung: 'Nội dung họp',
  loai_vac_xin: 'Loại vắc xin',
  doi_tuong: 'Đối tượng tiêm',
  giay_to: 'Giấy tờ mang theo',
  loai_thue: 'Loại thuế, phí',
  noi_nop: 'Nơi nộp',
  thien_tai: 'Loại thiên tai (bão, lũ…)',
  thoi_gian: 'Thời gian ảnh hưởng',
  khuyen_cao: 'Khuyến cáo bà con',
  so_dien_thoai: 'Số điện thoại trực',
  thay_doi: 'Thay đổi (nghỉ, đổi giờ…)',
  tu_ngay: 'Từ ngày',
  den_ngay: 'Đến ngày',
};
const fieldLabel = (f: string) => FIELD_LABEL[f] ?? f.replace(/_/g, ' ');

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{([a-z_]+)\}/g, (whole, key: string) => values[key]?.trim() || whole);

const blanksIn = (text: string) => [
  ...new Set([...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!)),
];

const TITLE_MAX = 120;
const BODY_MAX = 3500;

/**
 * 128 random bits as hex. `crypto.randomUUID` exists only on https or localhost; a commune office may
 * open the console over plain http on its own network, where `getRandomValues` still works.
 */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/** A datetime-local value (browser's time) a few minutes from now, for the schedule field. */
function soonLocal(minutes = 60): string {
  const d = new Date(Date.now() + minutes * 60_000);
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export default function ComposePage({ officer }: PageProps) {
  const commune = useCommune(officer.communeCode);
  const [templates, setTemplates] = useState<NoticeTemplate[]>([]);
  const [villages, setVillages] = useState<string[]>([]);
  const [tagsInUse, setTagsInUse] = useState<string[]>([]);
  const [template, setTemplate] = useState<NoticeTemplate | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  /** True while title and body still follow the template's blanks (no direct edit since). */
  const [followsTemplate, setFollowsTemplate] = useState(false);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [imageUrl, setImageUrl] = useState('');
  const [linkUrl, setLinkUrl] = useState('');
  const [targets, setTargets] = useState<NoticeTargets>({
    wholeCommune: true,
    villages: [],
    tags: [],
  });
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [sendAt, setSendAt] = useState(soonLocal);
  const [recipients, setRecipients] = useState<Recipients | null>(null);
  const [preview, setPreview] = useState<NoticePreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [flash, setFlash] = useState<Flash | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  // One key per compose page: a double click or a retry after a lost answer creates one notice.
  const idempotencyKey = useRef(`console-${randomKey()}`);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    Promise.all([
      api<{ items: NoticeTemplate[] }>('GET', '/api/notice-templates'),
      api<{ items: string[] }>('GET', '/api/notice-groups/villages'),
      api<{ items: NoticeGroup[] }>('GET', '/api/notice-groups?status=approved'),
    ])
      .then(([t, v, g]) => {
        setTemplates(t.items);
        setVillages(v.items);
        setTagsInUse(
          [...new Set(g.items.flatMap((x) => x.tags))].sort((a, b) => a.localeCompare(b, 'vi')),
        );
      })
      .catch((e: unknown) => setFlash({ text: messageOf(e), ok: false }));
  }, []);

  // Live count of the groups the chosen targets reach.
  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      api<Recipients>('POST', '/api/notices/recipients', { targets })
        .then((r) => live && setRecipients(r))
        .catch(() => live && setRecipients(null));
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [targets]);

  const draft = useMemo(
    () => ({
      title: title.trim(),
      body: body.trim(),
      ...(imageUrl.trim() ? { imageUrl: imageUrl.trim() } : {}),
      ...(linkUrl.trim() ? { linkUrl: linkUrl.trim() } : {}),
      // The preview's rendering does not depend on the targets; the count comes from /recipients.
      targets: { wholeCommune: true, villages: [], tags: [] },
    }),
    [title, body, imageUrl, linkUrl],
  );

  // The preview follows the text (debounced), rendered by the server exactly as it will be sent.
  useEffect(() => {
    if (!draft.title || !draft.body) {
      setPreview(null);
      setPreviewError(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      api<NoticePreview>('POST', '/api/notices/preview', draft)
        .then((p) => {
          if (!live) return;
          setPreview(p);
          setPreviewError(null);
        })
        .catch((e: unknown) => live && setPreviewError(messageOf(e)));
    }, 400);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [draft]);

  function chooseTemplate(id: string) {
    const t = templates.find((x) => x.id === id) ?? null;
    setTemplate(t);
    setValues({});
    if (t) {
      setTitle(t.title);
      setBody(t.body);
      setFollowsTemplate(true);
    } else {
      setFollowsTemplate(false);
    }
  }

  function setValue(field: string, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (template && followsTemplate) {
      setTitle(fill(template.title, next));
      setBody(fill(template.body, next));
    }
  }

  const blanks = blanksIn(`${title}\n${body}`);
  const chosenNothing =
    !targets.wholeCommune && targets.villages.length === 0 && targets.tags.length === 0;

  function check(): boolean {
    const problems: Record<string, string> = {};
    if (!title.trim()) problems.title = 'Vui lòng nhập tiêu đề.';
    if (!body.trim()) problems.body = 'Vui lòng nhập nội dung thông báo.';
    if (blanks.length > 0)
      problems.body = `Còn chỗ trống chưa điền: ${blanks.map((b) => fieldLabel(b)).join(', ')}.`;
    if (chosenNothing) problems.targets = 'Chọn nơi nhận: cả xã, hoặc thôn, hoặc nhãn nhóm.';
    if (when === 'later' && !sendAt) problems.sendAt = 'Chọn ngày giờ gửi.';
    setFields(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      setFlash({ text: 'Thông báo chưa gửi được: ' + problems[first], ok: false });
      const id = { title: 'n-title', body: 'n-body', targets: 't-whole', sendAt: 'n-sendat' }[
        first
      ];
      if (id) document.getElementById(id)?.focus();
      return false;
    }
    return true;
  }

  async function send() {
    setSending(true);
    setFlash(null);
    try {
      const notice = await api<Notice>('POST', '/api/notices', {
        ...draft,
        targets,
        ...(when === 'later' ? { sendAt: new Date(sendAt).toISOString() } : {}),
        idempotencyKey: idempotencyKey.current,
      });
      navigate(`/thong-bao/${notice.id}`);
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fields);
      setFlash({ text: messageOf(e), ok: false });
      setConfirming(false);
    } finally {
      setSending(false);
    }
  }

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((x) => x !== value);

  const reach = recipients
    ? recipients.total === 0
      ? 'Chưa có nhóm nào nhận: hãy chọn nơi nhận khác hoặc duyệt thêm nhóm.'
      : `Sẽ đến ${recipients.groups} nhóm` +
        (Object.keys(recipients.byPlatform).length > 0
          ? ` (${Object.entries(recipients.byPlatform)
              .filter(([k]) => k !== 'subscriber')
              .map(([k, n]) => `${PLATFORM_LABEL[k] ?? k}: ${n}`)
              .join('; ')})`
          : '') +
        (recipients.subscribers > 0 ? ` và ${recipients.subscribers} người đăng ký riêng` : '') +
        '.'
    : 'Đang đếm số nhóm nhận…';

  return (
    <section aria-labelledby="compose-h">
      <div className="page-head">
        <h1 id="compose-h">Soạn thông báo</h1>
        <p className="muted">Gửi đến các nhóm thôn của {commune.name}.</p>
      </div>
      <FlashLine flash={flash} />
      <div className="columns compose">
        <form
          className="col-main card stack"
          noValidate
          aria-labelledby="compose-h"
          onSubmit={(e) => {
            e.preventDefault();
            if (check()) setConfirming(true);
          }}
        >
          <div className="row">
            <div className="stack grow">
              <label htmlFor="n-template">Bắt đầu từ mẫu</label>
              <select
                id="n-template"
                value={template?.id ?? ''}
                onChange={(e) => chooseTemplate(e.target.value)}
              >
                <option value="">— Tự soạn, không dùng mẫu —</option>
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {template && (
            <fieldset>
              <legend>Điền vào mẫu “{template.name}”</legend>
              {!followsTemplate && (
                <p className="notice small">
                  Bạn đã sửa trực tiếp tiêu đề hoặc nội dung, nên các ô dưới đây không còn tự điền.{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      setFollowsTemplate(true);
                      setTitle(fill(template.title, values));
                      setBody(fill(template.body, values));
                    }}
                  >
                    Điền lại từ mẫu
                  </button>
                </p>
              )}
              <div className="grid-2">
                {template.fields.map((f) => (
                  <div className="stack" key={f}>
                    <label htmlFor={`tf-${f}`}>{fieldLabel(f)}</label>
                    <input
                      id={`tf-${f}`}
                      value={values[f] ?? ''}
                      disabled={!followsTemplate}
                      onChange={(e) => setValue(f, e.target.value)}
                    />
                  </div>
                ))}
              </div>
            </fieldset>
          )}

          <label htmlFor="n-title">Tiêu đề</label>
          <input
            id="n-title"
            value={title}
            maxLength={TITLE_MAX}
            aria-invalid={fields.title ? true : undefined}
            aria-describedby="n-title-count"
            onChange={(e) => {
              setTitle(e.target.value);
              setFollowsTemplate(false);
            }}
          />
          <span id="n-title-count" className="small muted">
            {title.length}/{TITLE_MAX} ký tự{fields.title ? ` — ${fields.title}` : ''}
          </span>
          <label htmlFor="n-body">Nội dung</label>
          <textarea
            id="n-body"
            rows={9}
            value={body}
            maxLength={BODY_MAX}
            aria-invalid={fields.body ? true : undefined}
            aria-describedby="n-body-count n-body-error"
            onChange={(e) => {
              setBody(e.target.value);
              setFollowsTemplate(false);
            }}
          />
          <span id="n-body-count" className="small muted">
            {body.length.toLocaleString('vi-VN')}/{BODY_MAX.toLocaleString('vi-VN')} ký tự
          </span>
          {(fields.body || blanks.length > 0) && (
            <span id="n-body-error" className="field-error">
              {fields.body ??
                `Còn chỗ trống chưa điền: ${blanks.map((b) => fieldLabel(b)).join(', ')}.`}
            </span>
          )}
          <div className="grid-2">
            <div className="stack">
              <label htmlFor="n-image">Liên kết ảnh (không bắt buộc)</label>
              <input
                id="n-image"
                type="url"
                inputMode="url"
                placeholder="https://…"
                value={imageUrl}
                aria-invalid={fields.imageUrl ? true : undefined}
                onChange={(e) => setImageUrl(e.target.value)}
              />
              {fields.imageUrl && <span className="field-error">{fields.imageUrl}</span>}
            </div>
            <div className="stack">
              <label htmlFor="n-link">Liên kết xem thêm (không bắt buộc)</label>
              <input
                id="n-link"
                type="url"
                inputMode="url"
                placeholder="https://…"
                value={linkUrl}
                aria-invalid={fields.linkUrl ? true : undefined}
                onChange={(e) => setLinkUrl(e.target.value)}
              />
              {fields.linkUrl && <span className="field-error">{fields.linkUrl}</span>}
            </div>
          </div>

          <fieldset aria-describedby="reach">
            <legend>Nơi nhận</legend>
            <label className="check">
              <input
                id="t-whole"
                type="radio"
                name="scope"
                checked={targets.wholeCommune}
                onChange={() => setTargets({ ...targets, wholeCommune: true })}
              />
              Cả xã (mọi nhóm đã duyệt)
            </label>
            <label className="check">
              <input
                type="radio"
                name="scope"
                checked={!targets.wholeCommune}
                onChange={() => setTargets({ ...targets, wholeCommune: false })}
              />
              Chọn thôn / tổ dân phố hoặc nhãn
            </label>
            {!targets.wholeCommune && (
              <div className="grid-2">
                <fieldset>
                  <legend>Thôn / tổ dân phố</legend>
                  {villages.length === 0 && <p className="small muted">Chưa có thôn nào.</p>}
                  {villages.map((v) => (
                    <label className="check" key={v}>
                      <input
                        type="checkbox"
                        checked={targets.villages.includes(v)}
                        onChange={(e) =>
                          setTargets({
                            ...targets,
                            villages: toggle(targets.villages, v, e.target.checked),
                          })
                        }
                      />
                      {v}
                    </label>
                  ))}
                </fieldset>
                <fieldset>
                  <legend>Nhãn nhóm</legend>
                  {tagsInUse.length === 0 && <p className="small muted">Chưa có nhãn nào.</p>}
                  {tagsInUse.map((t) => (
                    <label className="check" key={t}>
                      <input
                        type="checkbox"
                        checked={targets.tags.includes(t)}
                        onChange={(e) =>
                          setTargets({
                            ...targets,
                            tags: toggle(targets.tags, t, e.target.checked),
                          })
                        }
                      />
                      {t}
                    </label>
                  ))}
                </fieldset>
              </div>
            )}
            <p id="reach" className="reach" role="status" aria-live="polite">
              {chosenNothing ? 'Chưa chọn nơi nhận.' : reach}
            </p>
            {fields.targets && <span className="field-error">{fields.targets}</span>}
          </fieldset>

          <fieldset>
            <legend>Thời điểm gửi</legend>
            <label className="check">
              <input
                type="radio"
                name="when"
                checked={when === 'now'}
                onChange={() => setWhen('now')}
              />
              Gửi ngay
            </label>
            <label className="check">
              <input
                type="radio"
                name="when"
                checked={when === 'later'}
                onChange={() => setWhen('later')}
              />
              Hẹn giờ gửi
            </label>
            {when === 'later' && (
              <div className="stack">
                <label htmlFor="n-sendat">Ngày giờ gửi</label>
                <input
                  id="n-sendat"
                  type="datetime-local"
                  min={soonLocal(0)}
                  value={sendAt}
                  aria-invalid={fields.sendAt ? true : undefined}
                  onChange={(e) => setSendAt(e.target.value)}
                />
                {fields.sendAt && <span className="field-error">{fields.sendAt}</span>}
                <span className="small muted">Có thể huỷ trước giờ gửi trong Sổ gửi.</span>
              </div>
            )}
          </fieldset>

          {confirming ? (
            <div className="confirm" role="group" aria-labelledby="confirm-q">
              <p id="confirm-q">
                <strong>
                  {when === 'now'
                    ? 'Gửi thông báo này ngay'
                    : `Hẹn gửi lúc ${viDateTime(new Date(sendAt).toISOString())}`}
                </strong>{' '}
                — {recipients ? `${recipients.total} nơi nhận` : 'các nhóm đã chọn'}. Sau khi bắt
                đầu gửi, không thể thu hồi tin đã đến nhóm.
              </p>
              <div className="buttons">
                <button
                  type="button"
                  ref={confirmButton}
                  disabled={sending}
                  onClick={() => void send()}
                >
                  {sending ? 'Đang gửi…' : 'Xác nhận gửi'}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                  Quay lại sửa
                </button>
              </div>
            </div>
          ) : (
            <div className="buttons">
              <button type="submit">{when === 'now' ? 'Gửi thông báo' : 'Hẹn giờ gửi'}</button>
            </div>
          )}
        </form>
        <aside className="col-side preview-col" aria-labelledby="preview-h">
          <h2 id="preview-h">Xem trước trên từng nền tảng</h2>
          {!preview && !previewError && (
            <p className="muted">Nhập tiêu đề và nội dung để xem thông báo hiện ra thế nào.</p>
          )}
          {previewError && (
            <p className="error" role="alert">
              Chưa xem trước được: {previewError}
            </p>
          )}
          {preview && <PreviewPanel preview={preview} recipients={recipients} />}
        </aside>
      </div>
    </section>
  );
}
