/**
 * Accounts of the commune (admin only): create an officer, change name/role/desk, lock or unlock,
 * reset a password, choose which desks the commune runs; the audit log lists every change.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api.js';
import { viDateTime } from '../format.js';
import type { PageProps } from '../routes.js';

interface Account {
  id: string;
  username: string;
  displayName: string | null;
  role: 'officer' | 'admin';
  desk: string;
  disabled: boolean;
}
interface AuditItem {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  targetName: string | null;
  details: Record<string, unknown>;
}

const ACTIONS: Record<string, string> = {
  tao_tai_khoan: 'Tạo tài khoản',
  sua_tai_khoan: 'Sửa tài khoản',
  khoa_tai_khoan: 'Khóa tài khoản',
  mo_khoa_tai_khoan: 'Mở khóa tài khoản',
  dat_lai_mat_khau: 'Đặt lại mật khẩu',
  cau_hinh_bo_phan: 'Cấu hình bộ phận',
};
const ROLES = { officer: 'Cán bộ', admin: 'Lãnh đạo (quản trị)' };

export default function AccountsPage({ officer }: PageProps) {
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [audit, setAudit] = useState<AuditItem[]>([]);
  const [desks, setDesks] = useState<{
    all: Array<{ code: string; name: string }>;
    running: string[];
  }>({
    all: officer.desks,
    running: officer.desks.map((d) => d.code),
  });
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    password: '',
    role: 'officer',
    desk: 'mot_cua',
  });

  const load = useCallback(async () => {
    const [a, l, d] = await Promise.all([
      api<{ items: Account[] }>('GET', '/api/officer/accounts'),
      api<{ items: AuditItem[] }>('GET', '/api/officer/audit'),
      api<{ all: Array<{ code: string; name: string }>; running: string[] }>(
        'GET',
        '/api/officer/desks',
      ),
    ]);
    setAccounts(a.items);
    setAudit(l.items);
    setDesks(d);
  }, []);
  useEffect(() => {
    load().catch((e: unknown) =>
      setMessage({ text: e instanceof ApiError ? e.message : String(e), ok: false }),
    );
  }, [load]);

  const deskName = (code: string) => desks.all.find((d) => d.code === code)?.name ?? code;

  async function run(action: () => Promise<unknown>, ok: string) {
    setMessage(null);
    setFields({});
    try {
      await action();
      await load();
      setMessage({ text: ok, ok: true });
      return true;
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fields);
      setMessage({ text: e instanceof ApiError ? e.message : String(e), ok: false });
      return false;
    }
  }

  async function create(e: React.FormEvent) {
    e.preventDefault();
    const done = await run(
      () => api('POST', '/api/officer/accounts', form),
      `Đã tạo tài khoản ${form.username}. Hãy trao mật khẩu trực tiếp cho cán bộ.`,
    );
    if (done)
      setForm({ username: '', displayName: '', password: '', role: 'officer', desk: 'mot_cua' });
  }

  function resetPassword(a: Account) {
    const password = window.prompt(
      `Mật khẩu mới cho ${a.displayName ?? a.username} (ít nhất 10 ký tự):`,
    );
    if (!password) return;
    void run(
      () => api('POST', `/api/officer/accounts/${a.id}/password`, { password }),
      `Đã đặt lại mật khẩu cho ${a.username}; các phiên đăng nhập cũ đã kết thúc.`,
    );
  }

  const err = (name: string) =>
    fields[name] ? (
      <span className="field-error" id={`${name}-error`}>
        {fields[name]}
      </span>
    ) : null;

  return (
    <section aria-labelledby="acc-h">
      <h1 id="acc-h">Tài khoản cán bộ</h1>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <div className="columns">
        <div className="col-main">
          <table className="list">
            <caption className="sr-only">Tài khoản của xã/phường</caption>
            <thead>
              <tr>
                <th scope="col">Họ và tên</th>
                <th scope="col">Tên đăng nhập</th>
                <th scope="col">Vai trò</th>
                <th scope="col">Bộ phận</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} className={a.disabled ? 'disabled' : undefined}>
                  <td>{a.displayName ?? '—'}</td>
                  <td>{a.username}</td>
                  <td>
                    <label className="sr-only" htmlFor={`role-${a.id}`}>
                      Vai trò của {a.username}
                    </label>
                    <select
                      id={`role-${a.id}`}
                      value={a.role}
                      onChange={(e) =>
                        void run(
                          () =>
                            api('PATCH', `/api/officer/accounts/${a.id}`, { role: e.target.value }),
                          'Đã đổi vai trò.',
                        )
                      }
                    >
                      {Object.entries(ROLES).map(([k, v]) => (
                        <option key={k} value={k}>
                          {v}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <label className="sr-only" htmlFor={`desk-${a.id}`}>
                      Bộ phận của {a.username}
                    </label>
                    <select
                      id={`desk-${a.id}`}
                      value={a.desk}
                      onChange={(e) =>
                        void run(
                          () =>
                            api('PATCH', `/api/officer/accounts/${a.id}`, { desk: e.target.value }),
                          'Đã đổi bộ phận.',
                        )
                      }
                    >
                      {desks.all.map((d) => (
                        <option key={d.code} value={d.code}>
                          {d.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{a.disabled ? 'Đã khóa' : 'Đang hoạt động'}</td>
                  <td className="buttons">
                    <button type="button" className="secondary" onClick={() => resetPassword(a)}>
                      Đặt lại mật khẩu
                    </button>
                    <button
                      type="button"
                      className={a.disabled ? 'secondary' : 'danger'}
                      onClick={() =>
                        void run(
                          () =>
                            api('PATCH', `/api/officer/accounts/${a.id}`, {
                              disabled: !a.disabled,
                            }),
                          a.disabled
                            ? 'Đã mở khóa tài khoản.'
                            : 'Đã khóa tài khoản; phiên đăng nhập của người này đã kết thúc.',
                        )
                      }
                    >
                      {a.disabled ? 'Mở khóa' : 'Khóa'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>Nhật ký thay đổi</h2>
          <ol className="timeline">
            {audit.map((x) => (
              <li key={x.id}>
                <span className="when">{viDateTime(x.at)}</span>
                <strong>{ACTIONS[x.action] ?? x.action}</strong>
                {x.targetName && <span> — {x.targetName}</span>}
                <span className="by">bởi {x.actorName}</span>
                {Object.keys(x.details).length > 0 && (
                  <span className="note small">{describe(x.details, deskName)}</span>
                )}
              </li>
            ))}
          </ol>
        </div>
        <div className="col-side">
          <form
            className="card"
            onSubmit={(e) => void create(e)}
            aria-labelledby="new-h"
            noValidate
          >
            <h2 id="new-h">Tạo tài khoản mới</h2>
            <label htmlFor="new-name">Họ và tên</label>
            <input
              id="new-name"
              value={form.displayName}
              aria-describedby="displayName-error"
              onChange={(e) => setForm({ ...form, displayName: e.target.value })}
            />
            {err('displayName')}
            <label htmlFor="new-username">Tên đăng nhập</label>
            <input
              id="new-username"
              autoComplete="off"
              value={form.username}
              aria-describedby="username-error"
              onChange={(e) => setForm({ ...form, username: e.target.value })}
            />
            {err('username')}
            <label htmlFor="new-password">Mật khẩu ban đầu</label>
            <input
              id="new-password"
              type="password"
              autoComplete="new-password"
              value={form.password}
              aria-describedby="password-error"
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
            {err('password')}
            <label htmlFor="new-role">Vai trò</label>
            <select
              id="new-role"
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value })}
            >
              {Object.entries(ROLES).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
            <label htmlFor="new-desk">Bộ phận</label>
            <select
              id="new-desk"
              value={form.desk}
              onChange={(e) => setForm({ ...form, desk: e.target.value })}
            >
              {desks.all.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
            <button type="submit">Tạo tài khoản</button>
          </form>

          <fieldset className="card">
            <legend>Bộ phận xã/phường đang vận hành</legend>
            <p className="small muted">
              Hồ sơ cư trú, căn cước (cơ quan thực hiện: Công an cấp xã) chuyển cho bộ phận Công an
              nếu xã có bộ phận này; nếu không, về Bộ phận Một cửa.
            </p>
            {desks.all.map((d) => (
              <label key={d.code} className="check">
                <input
                  type="checkbox"
                  disabled={d.code === 'mot_cua'}
                  checked={desks.running.includes(d.code)}
                  onChange={(e) =>
                    void run(
                      () =>
                        api('PUT', '/api/officer/desks', {
                          desks: e.target.checked
                            ? [...desks.running, d.code]
                            : desks.running.filter((x) => x !== d.code),
                        }),
                      'Đã lưu các bộ phận.',
                    )
                  }
                />
                {d.name}
              </label>
            ))}
          </fieldset>
        </div>
      </div>
    </section>
  );
}

function describe(details: Record<string, unknown>, deskName: (code: string) => string): string {
  const labels: Record<string, string> = {
    display_name: 'họ tên',
    role: 'vai trò',
    desk: 'bộ phận',
    disabled: 'khóa',
    username: 'tên đăng nhập',
    desks: 'bộ phận',
  };
  const value = (k: string, v: unknown) =>
    k === 'desk' && typeof v === 'string'
      ? deskName(v)
      : k === 'role' && typeof v === 'string'
        ? (ROLES[v as keyof typeof ROLES] ?? v)
        : Array.isArray(v)
          ? v.map((x) => deskName(String(x))).join(', ')
          : typeof v === 'boolean'
            ? v
              ? 'có'
              : 'không'
            : String(v);
  return Object.entries(details)
    .map(([k, v]) =>
      v && typeof v === 'object' && 'from' in v && 'to' in v
        ? `${labels[k] ?? k}: ${value(k, (v as { from: unknown }).from)} → ${value(k, (v as { to: unknown }).to)}`
        : `${labels[k] ?? k}: ${value(k, v)}`,
    )
    .join('; ');
}
