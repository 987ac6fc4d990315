import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'zmp-ui';
import { ErrorBox, Loading, Screen, TrialBanner } from '../components';
import { useServices, useSessionState } from '../context';
import { checkAll, checkField, cleanFormData } from '../form/check-field';
import { Attachments } from '../form/Attachments';
import { Field } from '../form/Field';
import { NotifyChoice, type NotifyChannel } from '../form/NotifyChoice';
import { allFields, prefillValues, profileFrom, profileFromLastDossier } from '../form/prefill';
import { ApiError, api, messageOf } from '../lib/api';
import {
  dropDraft,
  loadDraft,
  loadSavedProfile,
  saveDraft,
  saveProfile,
  type Draft,
} from '../lib/drafts';
import { formatDateTime } from '../lib/dates';
import { deleteFile, getFile } from '../lib/file-store';
import { randomId } from '../lib/ids';
import type { FormView, SubmitResponse } from '../lib/types';
import { SignIn } from './SignIn';

interface OnlineCommune {
  code: string;
  name: string | null;
}

/** "Xã Hoằng Giang (15124)": the name residents know, the code officers use. */
const communeLabel = (c: OnlineCommune) => (c.name ? `${c.name} (${c.code})` : `Mã ${c.code}`);

function emptyDraft(code: string): Draft {
  return {
    procedureCode: code,
    formData: {},
    applicant: { fullName: '', phone: '' },
    communeCode: '',
    resultDelivery: 'tai_quay',
    deliveryAddress: '',
    attachments: [],
    idempotencyKey: null,
    failedMessage: null,
    updatedAt: new Date().toISOString(),
  };
}

/** Maps an API field key (`formData.x`, `applicant.phone`, `documents.y`) to the form's key. */
function fieldKey(apiKey: string): string {
  return apiKey.replace(/^formData\./, '');
}

function scrollToFirstError() {
  window.setTimeout(() => {
    const el = document.querySelector('.has-error, .error-box');
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, 50);
}

export function Apply() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const { platform, options, session } = useServices();
  const signedIn = useSessionState();
  const [form, setForm] = useState<FormView | null>(null);
  const [communes, setCommunes] = useState<OnlineCommune[] | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [resumedAt, setResumedAt] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  // Not in the draft: a linked chat is checked again by the server at every submission.
  const [notifyChannel, setNotifyChannel] = useState<NotifyChannel>('none');
  const [prefilledFrom, setPrefilledFrom] = useState<string | null>(null);
  const inFlight = useRef(false);

  const fields = useMemo(() => (form ? allFields(form) : []), [form]);
  const reloadKey = needsSignIn && signedIn ? signedIn.token : '';

  // Load the form, sign in, then pre-fill (draft > saved profile > last dossier > Zalo).
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const [f, c] = await Promise.all([
          api<FormView>(`/api/forms/${encodeURIComponent(code)}`, { auth: false }),
          api<{ items: OnlineCommune[] }>('/api/online-communes', { auth: false }),
        ]);
        if (cancelled) return;
        setForm(f);
        setCommunes(c.items);
        const token = await session.token();
        if (!token) {
          setNeedsSignIn(true);
          return;
        }
        setNeedsSignIn(false);
        const saved = loadDraft(platform, code);
        if (saved) {
          setDraft(saved);
          setResumedAt(saved.updatedAt);
          return;
        }
        const sources: string[] = [];
        let profile = loadSavedProfile(platform);
        if (profile.fullName) sources.push('từ lần khai trước trên máy này');
        else {
          const last = await profileFromLastDossier().catch(() => ({}));
          if (Object.keys(last).length > 0) sources.push('từ hồ sơ bạn đã nộp');
          profile = { ...last, ...profile };
        }
        const zalo = await platform.getProfile();
        let fromZalo = false;
        if (zalo?.name && !profile.fullName) {
          profile.fullName = zalo.name;
          fromZalo = true;
        }
        if (!profile.phone) {
          const phone = await zaloPhone();
          if (phone) {
            profile.phone = phone;
            fromZalo = true;
          }
        }
        if (fromZalo) sources.push('từ tài khoản Zalo');
        if (!cancelled) setPrefilledFrom(sources.length > 0 ? sources.join(' và ') : null);
        const next = emptyDraft(code);
        next.formData = prefillValues(f, profile);
        next.applicant = { fullName: profile.fullName ?? '', phone: profile.phone ?? '' };
        if (c.items.length === 1) next.communeCode = c.items[0]!.code;
        if (!cancelled) setDraft(next);
      } catch (e) {
        if (!cancelled) setLoadError(messageOf(e));
      }
    })();
    return () => {
      cancelled = true;
    };
    // Re-run only after a trial sign-in from this screen (a Zalo sign-in happens inside the run,
    // and a second run would spend the one-use phone token again).
  }, [code, platform, session, reloadKey]);

  async function zaloPhone(): Promise<string | null> {
    const [accessToken, phoneToken] = await Promise.all([
      platform.getAccessToken(),
      platform.getPhoneToken(),
    ]);
    if (!accessToken || !phoneToken) return null;
    try {
      const r = await api<{ phone: string }>('/api/me/phone', {
        json: { accessToken, phoneToken },
      });
      return r.phone;
    } catch {
      return null; // the resident types it
    }
  }

  // Draft saved while typing.
  const saveTimer = useRef<number | undefined>(undefined);
  const update = useCallback(
    (change: (d: Draft) => Draft) => {
      setDraft((d) => {
        if (!d) return d;
        const next = { ...change(d), updatedAt: new Date().toISOString() };
        window.clearTimeout(saveTimer.current);
        saveTimer.current = window.setTimeout(() => saveDraft(platform, next), 300);
        return next;
      });
    },
    [platform],
  );

  const setValue = (path: string, value: unknown) => {
    update((d) => ({ ...d, formData: { ...d.formData, [path]: value } }));
    if (errors[path]) setErrors((e) => ({ ...e, [path]: '' }));
  };
  const blurField = (path: string, field: (typeof fields)[number], picked?: unknown) => {
    const parts = path.split('.');
    const value =
      picked !== undefined
        ? picked
        : parts.length === 3
          ? ((draft?.formData[parts[0]!] as Record<string, unknown>[] | undefined)?.[
              Number(parts[1])
            ]?.[parts[2]!] ?? '')
          : draft?.formData[path];
    const problem = checkField(field, value);
    setErrors((e) => ({ ...e, [path]: problem ?? '' }));
  };

  function localProblems(d: Draft): Record<string, string> {
    const problems = checkAll(fields, d.formData);
    const nameField = {
      name: 'applicant.fullName',
      label: 'Họ và tên người nộp',
      kind: 'text',
      required: true,
    } as const;
    const phoneField = {
      name: 'applicant.phone',
      label: 'Số điện thoại',
      kind: 'phone',
      required: true,
    } as const;
    const n = checkField(nameField, d.applicant.fullName);
    const p = checkField(phoneField, d.applicant.phone);
    if (n) problems['applicant.fullName'] = n;
    if (p) problems['applicant.phone'] = p;
    if (!d.communeCode) problems.communeCode = 'Vui lòng chọn xã/phường nơi nộp hồ sơ.';
    if (d.resultDelivery === 'buu_chinh' && !d.deliveryAddress.trim())
      problems.deliveryAddress = 'Vui lòng nhập địa chỉ nhận kết quả qua bưu chính.';
    return problems;
  }

  async function submit() {
    if (!draft || !form || inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setFormError(null);
    try {
      const problems = localProblems(draft);
      if (Object.keys(problems).length > 0) {
        setErrors(problems);
        setFormError('Vui lòng sửa các mục được đánh dấu đỏ.');
        scrollToFirstError();
        return;
      }
      const formData = cleanFormData(fields, draft.formData);
      // Same rules as the API, checked before any file is uploaded.
      const check = await api<{ ok: boolean; fields: Record<string, string> }>(
        `/api/forms/${encodeURIComponent(code)}/check`,
        {
          json: { formData, documents: [...new Set(draft.attachments.map((a) => a.documentCode))] },
          auth: false,
        },
      );
      if (!check.ok) {
        setErrors(
          Object.fromEntries(Object.entries(check.fields).map(([k, v]) => [fieldKey(k), v])),
        );
        setFormError('Vui lòng sửa các mục được đánh dấu đỏ.');
        scrollToFirstError();
        return;
      }
      // The key is saved in the draft before the first byte is sent: a retry reuses it.
      const key = draft.idempotencyKey ?? randomId('mc-');
      const withKey = { ...draft, idempotencyKey: key, failedMessage: null };
      window.clearTimeout(saveTimer.current); // a pending older save must not drop the key
      saveDraft(platform, withKey);
      setDraft(withKey);
      const body = new FormData();
      body.append(
        'payload',
        JSON.stringify({
          procedureCode: code,
          communeCode: draft.communeCode,
          applicant: { fullName: draft.applicant.fullName.trim(), phone: draft.applicant.phone },
          formData,
          resultDelivery: draft.resultDelivery,
          ...(draft.resultDelivery === 'buu_chinh'
            ? { deliveryAddress: draft.deliveryAddress.trim() }
            : {}),
          notify: { channel: notifyChannel },
        }),
      );
      for (const a of draft.attachments) {
        const blob = await getFile(a.key);
        if (!blob) {
          setErrors({
            [`documents.${a.documentCode}`]: `Tệp "${a.fileName}" không còn trên máy. Vui lòng đính kèm lại.`,
          });
          setFormError('Vui lòng đính kèm lại tệp được đánh dấu.');
          scrollToFirstError();
          return;
        }
        body.append(a.documentCode, blob, a.fileName);
      }
      const result = await api<SubmitResponse>('/api/dossiers', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': key },
      });
      saveProfile(platform, {
        ...loadSavedProfile(platform),
        ...profileFrom(form, formData),
        fullName: draft.applicant.fullName.trim(),
        phone: draft.applicant.phone,
      });
      dropDraft(platform, code);
      for (const a of draft.attachments) void deleteFile(a.key);
      navigate(`/receipt/${result.receipt.reference}`, { state: result, replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && Object.keys(e.fields).length > 0) {
        setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [fieldKey(k), v])));
        setFormError(e.message);
        scrollToFirstError();
      } else if (e instanceof ApiError && e.code === 'IDEMPOTENCY_KEY_REUSED') {
        setFormError('Hồ sơ này đã được nộp trước đó. Bạn xem trong "Hồ sơ của tôi".');
      } else {
        // Network cut or server error: the draft and its key are kept for "Gửi lại".
        const message = messageOf(e);
        setDraft((d) => {
          if (!d) return d;
          const next = { ...d, failedMessage: message, updatedAt: new Date().toISOString() };
          window.clearTimeout(saveTimer.current);
          saveDraft(platform, next); // at once: the app may be closed right after
          return next;
        });
        setFormError(message);
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  const title = form?.title ?? 'Nộp hồ sơ';
  if (loadError)
    return (
      <Screen title="Nộp hồ sơ">
        <ErrorBox message={loadError} onRetry={() => window.location.reload()} />
      </Screen>
    );
  if (needsSignIn && form) {
    return (
      <Screen title="Nộp hồ sơ">
        <h1 className="procedure-name">{form.title}</h1>
        {options.trial ? (
          <SignIn />
        ) : (
          <ErrorBox message="Vui lòng mở ứng dụng trong Zalo để nộp hồ sơ." />
        )}
      </Screen>
    );
  }
  if (!form || !draft || !communes)
    return (
      <Screen title="Nộp hồ sơ">
        <Loading />
      </Screen>
    );

  // A key in the draft means a submission was started: sending again reaches the same dossier.
  const failed = draft.idempotencyKey !== null;
  return (
    <Screen
      title="Nộp hồ sơ"
      footer={
        <button
          type="button"
          className="primary-button wide"
          id="submit"
          disabled={submitting}
          onClick={() => void submit()}
        >
          {submitting ? 'Đang gửi…' : failed ? 'Gửi lại hồ sơ' : 'Nộp hồ sơ'}
        </button>
      }
    >
      {signedIn?.trial ? <TrialBanner /> : null}
      <h1 className="procedure-name">{title}</h1>
      <p className="muted">{form.template}</p>
      {resumedAt ? (
        <div className="note">
          Đã mở lại bản nháp lưu lúc {formatDateTime(resumedAt)}.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              dropDraft(platform, code);
              for (const a of draft.attachments) void deleteFile(a.key);
              window.location.reload();
            }}
          >
            Làm lại từ đầu
          </button>
        </div>
      ) : null}
      {prefilledFrom ? (
        <div className="note">
          Một số mục đã được điền sẵn {prefilledFrom}. Vui lòng kiểm tra lại trước khi nộp.
        </div>
      ) : null}
      {failed && draft.failedMessage ? (
        <ErrorBox
          message={`Hồ sơ chưa gửi được: ${draft.failedMessage} Bấm "Gửi lại hồ sơ" — hồ sơ sẽ không bị nộp hai lần.`}
        />
      ) : null}

      {form.sections.map((s) => (
        <section key={s.title} className="form-section">
          <h2>{s.title}</h2>
          {s.note ? <p className="hint">{s.note}</p> : null}
          {s.fields.map((f) => (
            <Field
              key={f.name}
              field={f}
              path={f.name}
              value={draft.formData[f.name]}
              errors={errors}
              onChange={setValue}
              onBlur={blurField}
            />
          ))}
        </section>
      ))}

      <section className="form-section">
        <h2>Giấy tờ đính kèm</h2>
        <p className="hint">Ảnh chụp được thu nhỏ trên máy trước khi gửi để tiết kiệm dữ liệu.</p>
        <Attachments
          documents={form.documents}
          items={draft.attachments}
          errors={errors}
          maxBytes={options.maxAttachmentBytes}
          maxFiles={options.maxAttachments}
          onAdd={(items) => {
            update((d) => ({ ...d, attachments: [...d.attachments, ...items] }));
            setErrors((e) => {
              const next = { ...e };
              for (const i of items) delete next[`documents.${i.documentCode}`];
              return next;
            });
          }}
          onRemove={(key) => {
            void deleteFile(key);
            update((d) => ({ ...d, attachments: d.attachments.filter((a) => a.key !== key) }));
          }}
        />
      </section>

      <section className="form-section">
        <h2>Người nộp và nơi nộp</h2>
        <Field
          field={{
            name: 'applicant.fullName',
            label: 'Họ và tên người nộp',
            kind: 'text',
            required: true,
          }}
          path="applicant.fullName"
          value={draft.applicant.fullName}
          errors={errors}
          onChange={(_p, v) =>
            update((d) => ({ ...d, applicant: { ...d.applicant, fullName: String(v) } }))
          }
          onBlur={(p, f) =>
            setErrors((e) => ({ ...e, [p]: checkField(f, draft.applicant.fullName) ?? '' }))
          }
        />
        <Field
          field={{
            name: 'applicant.phone',
            label: 'Số điện thoại di động',
            kind: 'phone',
            required: true,
            hint: 'Để cán bộ liên hệ và để tra cứu hồ sơ (4 số cuối).',
          }}
          path="applicant.phone"
          value={draft.applicant.phone}
          errors={errors}
          onChange={(_p, v) =>
            update((d) => ({ ...d, applicant: { ...d.applicant, phone: String(v) } }))
          }
          onBlur={(p, f) =>
            setErrors((e) => ({ ...e, [p]: checkField(f, draft.applicant.phone) ?? '' }))
          }
        />
        <Field
          field={{
            name: 'communeCode',
            label: 'Xã/phường nơi nộp hồ sơ',
            kind: 'select',
            required: true,
            options: communes.map(communeLabel),
          }}
          path="communeCode"
          value={(() => {
            const c = communes.find((x) => x.code === draft.communeCode);
            return c ? communeLabel(c) : '';
          })()}
          errors={errors}
          onChange={(_p, v) =>
            update((d) => ({
              ...d,
              communeCode: communes.find((c) => communeLabel(c) === v)?.code ?? '',
            }))
          }
          onBlur={() => undefined}
        />
        {communes.length === 0 ? (
          <ErrorBox message="Chưa có xã/phường nào nhận hồ sơ trực tuyến qua hệ thống. Vui lòng nộp tại Bộ phận Một cửa." />
        ) : null}
        <Field
          field={{
            name: 'resultDelivery',
            label: 'Cách nhận kết quả',
            kind: 'radio',
            required: true,
            options: ['Nhận tại Bộ phận Một cửa', 'Nhận qua bưu chính (trả phí bưu điện)'],
          }}
          path="resultDelivery"
          value={
            draft.resultDelivery === 'tai_quay'
              ? 'Nhận tại Bộ phận Một cửa'
              : 'Nhận qua bưu chính (trả phí bưu điện)'
          }
          errors={errors}
          onChange={(_p, v) =>
            update((d) => ({
              ...d,
              resultDelivery: String(v).startsWith('Nhận tại') ? 'tai_quay' : 'buu_chinh',
            }))
          }
          onBlur={() => undefined}
        />
        {draft.resultDelivery === 'buu_chinh' ? (
          <Field
            field={{
              name: 'deliveryAddress',
              label: 'Địa chỉ nhận kết quả',
              kind: 'textarea',
              required: true,
              maxLength: 300,
            }}
            path="deliveryAddress"
            value={draft.deliveryAddress}
            errors={errors}
            onChange={(_p, v) => update((d) => ({ ...d, deliveryAddress: String(v) }))}
            onBlur={() => undefined}
          />
        ) : null}
      </section>
      <NotifyChoice
        value={notifyChannel}
        onChange={setNotifyChannel}
        error={errors['notify.channel'] || errors['notify.recipient']}
      />
      {formError ? <ErrorBox message={formError} /> : null}
    </Screen>
  );
}
