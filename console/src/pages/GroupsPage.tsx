/**
 * Village groups that receive notices: groups the bot was added to wait here until an officer files
 * them into the commune (village and tags); active groups can be re-filed or stopped; villagers' own
 * Zalo groups are registered as share-kit groups with the name of the person who posts for them.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../api.js';
import { useCommune } from '../commune.js';
import { viDateTime } from '../format.js';
import { FlashLine, messageOf, parseTags, VillageTagsFields, type Flash } from '../notice-ui.js';
import { PLATFORM_LABEL, type NoticeGroup } from '../notice-types.js';
import type { PageProps } from '../routes.js';

export default function GroupsPage({ officer }: PageProps) {
  const commune = useCommune(officer.communeCode);
  const [groups, setGroups] = useState<NoticeGroup[] | null>(null);
  const [villages, setVillages] = useState<string[]>([]);
  const [flash, setFlash] = useState<Flash | null>(null);

  const load = useCallback(async () => {
    const [g, v] = await Promise.all([
      api<{ items: NoticeGroup[] }>('GET', '/api/notice-groups'),
      api<{ items: string[] }>('GET', '/api/notice-groups/villages'),
    ]);
    setGroups(g.items);
    setVillages(v.items);
  }, []);
  useEffect(() => {
    load().catch((e: unknown) => setFlash({ text: messageOf(e), ok: false }));
  }, [load]);

  /** Runs a change, reloads, and says what happened (or why not). */
  const run = useCallback(
    async (action: () => Promise<unknown>, ok: string): Promise<boolean> => {
      setFlash(null);
      try {
        await action();
        await load();
        setFlash({ text: ok, ok: true });
        return true;
      } catch (e) {
        setFlash({ text: messageOf(e), ok: false });
        return false;
      }
    },
    [load],
  );

  const list = groups ?? [];
  const pending = list.filter((g) => g.status === 'pending');
  const active = list.filter((g) => g.status === 'approved' && g.kind !== 'subscriber');
  const inactive = list.filter((g) => g.status === 'inactive' && g.kind !== 'subscriber');
  const subscribers = list.filter((g) => g.kind === 'subscriber' && g.status === 'approved');
  const knownTags = useMemo(
    () => [...new Set(list.flatMap((g) => g.tags))].sort((a, b) => a.localeCompare(b, 'vi')),
    [list],
  );
  const fieldsProps = { villages, knownTags };

  return (
    <section aria-labelledby="groups-h" className="groups-page">
      <div className="page-head">
        <h1 id="groups-h">Nhóm thôn nhận thông báo</h1>
        <p className="muted">
          Nhóm chat của các thôn, tổ dân phố thuộc {commune.name}: bot gửi thông báo vào nhóm
          Telegram, Zalo đã duyệt; nhóm Zalo riêng của bà con nhận qua bộ chia sẻ do tổ trưởng đăng.
        </p>
      </div>
      <FlashLine flash={flash} />
      {!groups && !flash && <p role="status">Đang tải danh sách nhóm…</p>}
      <div className="columns">
        <div className="col-main">
          <h2 id="pending-h">
            Chờ duyệt <span className="count">{pending.length}</span>
          </h2>
          {groups && pending.length === 0 && (
            <p className="muted">
              Không có nhóm nào chờ duyệt. Khi tổ công nghệ số thêm bot vào nhóm Telegram của thôn,
              nhóm sẽ hiện ở đây.
            </p>
          )}
          <ul className="plain" aria-labelledby="pending-h">
            {pending.map((g) => (
              <li key={g.id}>
                <PendingGroup
                  group={g}
                  communeName={commune.name}
                  {...fieldsProps}
                  onApprove={(village, tags) =>
                    run(
                      () =>
                        api('POST', `/api/notice-groups/${g.id}/approve`, {
                          village: village || null,
                          tags,
                        }),
                      `Đã duyệt nhóm “${g.title}”${village ? ` vào ${village}` : ''}.`,
                    )
                  }
                />
              </li>
            ))}
          </ul>

          <h2 id="active-h">
            Đang nhận thông báo <span className="count">{active.length}</span>
          </h2>
          {groups && active.length === 0 && (
            <p className="muted">
              Chưa có nhóm nào. Duyệt nhóm chờ hoặc đăng ký nhóm Zalo của thôn.
            </p>
          )}
          {active.length > 0 && (
            <GroupTable
              caption="Nhóm đang nhận thông báo"
              groups={active}
              {...fieldsProps}
              run={run}
            />
          )}
          {subscribers.length > 0 && (
            <p className="muted">
              Ngoài ra có {subscribers.length} người dân đăng ký nhận thông báo qua tin nhắn riêng
              (lệnh /nhantin).
            </p>
          )}

          <h2 id="inactive-h">
            Ngừng nhận <span className="count">{inactive.length}</span>
          </h2>
          {groups && inactive.length === 0 && <p className="muted">Không có.</p>}
          {inactive.length > 0 && (
            <GroupTable
              caption="Nhóm đã ngừng nhận thông báo"
              groups={inactive}
              {...fieldsProps}
              run={run}
            />
          )}
        </div>
        <div className="col-side">
          <ShareKitForm
            {...fieldsProps}
            onCreate={(body) =>
              run(
                () => api('POST', '/api/notice-groups/share-kit', body),
                `Đã đăng ký nhóm “${body.title}” (chia sẻ tay, trưởng nhóm ${body.adminName}).`,
              )
            }
          />
          <div className="card small">
            <h2>Thêm nhóm Telegram</h2>
            <p>
              Trưởng nhóm thêm bot của xã vào nhóm Telegram của thôn. Nhóm hiện ở mục “Chờ duyệt”;
              cán bộ chọn thôn, nhãn rồi bấm “Duyệt”. Nếu bot bị xoá khỏi nhóm, nhóm tự chuyển sang
              “Ngừng nhận”.
            </p>
          </div>
        </div>
      </div>
    </section>
  );
}

function PendingGroup(props: {
  group: NoticeGroup;
  communeName: string;
  villages: readonly string[];
  knownTags: readonly string[];
  onApprove(village: string, tags: string[]): Promise<boolean>;
}) {
  const { group: g } = props;
  const [village, setVillage] = useState('');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="card group-card"
      aria-label={`Duyệt nhóm ${g.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void props.onApprove(village.trim(), parseTags(tags)).finally(() => setBusy(false));
      }}
    >
      <p className="group-title">
        <strong>{g.title}</strong>
        <span className="badge">{PLATFORM_LABEL[g.platform] ?? g.platform}</span>
        <span className="muted small">bot được thêm lúc {viDateTime(g.createdAt)}</span>
      </p>
      <div className="grid-2">
        <VillageTagsFields
          idPrefix={`p-${g.id}`}
          village={village}
          tags={tags}
          villages={props.villages}
          knownTags={props.knownTags}
          onVillage={setVillage}
          onTags={setTags}
        />
      </div>
      <div className="buttons">
        <button type="submit" disabled={busy}>
          Duyệt vào {props.communeName}
        </button>
      </div>
    </form>
  );
}

function GroupTable(props: {
  caption: string;
  groups: NoticeGroup[];
  villages: readonly string[];
  knownTags: readonly string[];
  run(action: () => Promise<unknown>, ok: string): Promise<boolean>;
}) {
  return (
    <table className="list">
      <caption className="sr-only">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Nhóm</th>
          <th scope="col">Nền tảng</th>
          <th scope="col">Thôn / TDP</th>
          <th scope="col">Nhãn</th>
          <th scope="col">Thao tác</th>
        </tr>
      </thead>
      <tbody>
        {props.groups.map((g) => (
          <GroupRow key={g.id} group={g} {...props} />
        ))}
      </tbody>
    </table>
  );
}

function GroupRow(props: {
  group: NoticeGroup;
  villages: readonly string[];
  knownTags: readonly string[];
  run(action: () => Promise<unknown>, ok: string): Promise<boolean>;
}) {
  const { group: g, run } = props;
  const [mode, setMode] = useState<'view' | 'edit' | 'stop'>('view');
  const [village, setVillage] = useState(g.village ?? '');
  const [tags, setTags] = useState(g.tags.join(', '));
  const [reason, setReason] = useState('');
  const firstField = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (mode !== 'view') firstField.current?.querySelector('input')?.focus();
  }, [mode]);

  const name = g.kind === 'share-kit' ? `${g.title} (trưởng nhóm: ${g.adminName ?? '—'})` : g.title;
  return (
    <tr className={g.status === 'inactive' ? 'disabled' : undefined}>
      <td>
        <strong>{g.title}</strong>
        {g.kind === 'share-kit' && (
          <span className="small muted"> · trưởng nhóm {g.adminName ?? '—'}</span>
        )}
        {g.inactiveReason && <span className="small note-line">{g.inactiveReason}</span>}
      </td>
      <td>{PLATFORM_LABEL[g.kind === 'share-kit' ? 'share-kit' : g.platform] ?? g.platform}</td>
      {mode === 'edit' ? (
        <td colSpan={3}>
          <form
            className="stack"
            aria-label={`Sửa thôn, nhãn của nhóm ${g.title}`}
            onSubmit={(e) => {
              e.preventDefault();
              void run(
                () =>
                  api('POST', `/api/notice-groups/${g.id}/approve`, {
                    village: village.trim() || null,
                    tags: parseTags(tags),
                  }),
                `Đã lưu thôn, nhãn của nhóm “${g.title}”.`,
              ).then((ok) => ok && setMode('view'));
            }}
          >
            <div className="grid-2" ref={firstField}>
              <VillageTagsFields
                idPrefix={`e-${g.id}`}
                village={village}
                tags={tags}
                villages={props.villages}
                knownTags={props.knownTags}
                onVillage={setVillage}
                onTags={setTags}
              />
            </div>
            <div className="buttons">
              <button type="submit">Lưu</button>
              <button type="button" className="secondary" onClick={() => setMode('view')}>
                Thôi
              </button>
            </div>
          </form>
        </td>
      ) : (
        <>
          <td>{g.village ?? <span className="muted">Cả xã</span>}</td>
          <td>{g.tags.length > 0 ? g.tags.join(', ') : <span className="muted">—</span>}</td>
          <td>
            {mode === 'stop' ? (
              <form
                className="stack"
                aria-label={`Ngừng gửi vào nhóm ${g.title}`}
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(
                    () =>
                      api('POST', `/api/notice-groups/${g.id}/deactivate`, {
                        ...(reason.trim() ? { reason: reason.trim() } : {}),
                      }),
                    `Đã ngừng gửi thông báo vào nhóm “${g.title}”.`,
                  );
                }}
              >
                <div ref={firstField} className="stack">
                  <label htmlFor={`stop-${g.id}`}>Lý do (không bắt buộc)</label>
                  <input
                    id={`stop-${g.id}`}
                    value={reason}
                    maxLength={200}
                    onChange={(e) => setReason(e.target.value)}
                  />
                </div>
                <div className="buttons">
                  <button type="submit" className="danger">
                    Xác nhận ngừng gửi
                  </button>
                  <button type="button" className="secondary" onClick={() => setMode('view')}>
                    Thôi
                  </button>
                </div>
              </form>
            ) : (
              <div className="buttons nowrap">
                <button
                  type="button"
                  className="secondary small"
                  aria-label={`Sửa thôn, nhãn: ${name}`}
                  onClick={() => setMode('edit')}
                >
                  Sửa
                </button>
                {g.status === 'approved' ? (
                  <button
                    type="button"
                    className="danger small"
                    aria-label={`Ngừng gửi: ${name}`}
                    onClick={() => setMode('stop')}
                  >
                    Ngừng gửi
                  </button>
                ) : (
                  g.approvedAt && (
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={`Gửi lại vào nhóm: ${name}`}
                      onClick={() =>
                        void run(
                          () => api('POST', `/api/notice-groups/${g.id}/reactivate`),
                          `Nhóm “${g.title}” nhận thông báo trở lại.`,
                        )
                      }
                    >
                      Nhận lại thông báo
                    </button>
                  )
                )}
              </div>
            )}
          </td>
        </>
      )}
    </tr>
  );
}

function ShareKitForm(props: {
  villages: readonly string[];
  knownTags: readonly string[];
  onCreate(body: {
    title: string;
    adminName: string;
    village: string | null;
    tags: string[];
  }): Promise<boolean>;
}) {
  const empty = { title: '', adminName: '', village: '', tags: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      className="card stack"
      aria-labelledby="sharekit-h"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const missing: Record<string, string> = {};
        if (!form.title.trim()) missing.title = 'Vui lòng nhập tên nhóm Zalo.';
        if (!form.adminName.trim()) missing.adminName = 'Vui lòng nhập tên trưởng nhóm.';
        setErrors(missing);
        if (Object.keys(missing).length > 0) {
          document.getElementById(missing.title ? 'sk-title' : 'sk-admin')?.focus();
          return;
        }
        void props
          .onCreate({
            title: form.title.trim(),
            adminName: form.adminName.trim(),
            village: form.village.trim() || null,
            tags: parseTags(form.tags),
          })
          .then((ok) => ok && setForm(empty))
          .catch((err: unknown) => err instanceof ApiError && setErrors(err.fields));
      }}
    >
      <h2 id="sharekit-h">Đăng ký nhóm Zalo của thôn</h2>
      <p className="small muted">
        Nhóm Zalo do bà con tự lập thì bot không gửi vào được. Mỗi lần có thông báo, trưởng nhóm
        nhận một bộ chia sẻ (nội dung, đường dẫn, mã QR) để tự đăng vào nhóm.
      </p>
      <label htmlFor="sk-title">Tên nhóm Zalo</label>
      <input
        id="sk-title"
        value={form.title}
        maxLength={200}
        aria-invalid={errors.title ? true : undefined}
        aria-describedby={errors.title ? 'sk-title-error' : undefined}
        onChange={(e) => setForm({ ...form, title: e.target.value })}
      />
      {errors.title && (
        <span className="field-error" id="sk-title-error">
          {errors.title}
        </span>
      )}
      <label htmlFor="sk-admin">Trưởng nhóm (người đăng bài)</label>
      <input
        id="sk-admin"
        value={form.adminName}
        maxLength={100}
        aria-invalid={errors.adminName ? true : undefined}
        aria-describedby={errors.adminName ? 'sk-admin-error' : undefined}
        onChange={(e) => setForm({ ...form, adminName: e.target.value })}
      />
      {errors.adminName && (
        <span className="field-error" id="sk-admin-error">
          {errors.adminName}
        </span>
      )}
      <VillageTagsFields
        idPrefix="sk"
        village={form.village}
        tags={form.tags}
        villages={props.villages}
        knownTags={props.knownTags}
        onVillage={(village) => setForm({ ...form, village })}
        onTags={(tags) => setForm({ ...form, tags })}
      />
      <button type="submit">Đăng ký nhóm chia sẻ tay</button>
    </form>
  );
}
