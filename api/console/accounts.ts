/**
 * @module
 * Officer accounts managed by a commune admin while the server runs: list, create, change name/role/
 * desk, deactivate or reactivate, reset a password. Every change is written to the audit log in the
 * same transaction. Passwords never reach the log; sessions of a deactivated or reset account end.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/password.js';
import type { OfficerActor } from '../dossiers/context.js';
import { conflict, HttpError, invalid, notFound } from '../errors.js';
import type { Database, Queryable } from '../store/database.js';
import type { OfficerRole, OfficerRow } from '../store/officer-repository.js';
import { revokeOfficerSessions } from '../store/officer-session-repository.js';

export interface AccountView {
  id: string;
  username: string;
  displayName: string | null;
  role: OfficerRole;
  desk: string;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export function accountView(o: OfficerRow): AccountView {
  return {
    id: o.id,
    username: o.username,
    displayName: o.display_name,
    role: o.role,
    desk: o.desk,
    disabled: o.disabled,
    createdAt: o.created_at.toISOString(),
    updatedAt: o.updated_at.toISOString(),
  };
}

export async function listAccounts(q: Queryable, communeCode: string): Promise<OfficerRow[]> {
  return q.query<OfficerRow>(
    'SELECT * FROM officers WHERE commune_code = $1 ORDER BY disabled, display_name NULLS LAST, username',
    [communeCode],
  );
}

/** Writes one audit entry (who, what, on whom, details without secrets). */
export async function audit(
  q: Queryable,
  actor: OfficerActor,
  action: string,
  target: { id: string; name: string } | null,
  details: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO officer_audit (at, commune_code, actor_id, actor_name, action, target_id, target_name, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      at,
      actor.communeCode,
      actor.officerId,
      actor.displayName || actor.username,
      action,
      target?.id ?? null,
      target?.name ?? null,
      JSON.stringify(details),
    ],
  );
}

export interface AuditEntry {
  id: string;
  at: Date;
  actor_name: string | null;
  action: string;
  target_name: string | null;
  details: Record<string, unknown>;
}

export async function listAudit(
  q: Queryable,
  communeCode: string,
  limit = 200,
): Promise<AuditEntry[]> {
  return q.query<AuditEntry>(
    `SELECT id, at, actor_name, action, target_name, details FROM officer_audit
     WHERE commune_code = $1 ORDER BY at DESC, id DESC LIMIT $2`,
    [communeCode, limit],
  );
}

async function loadInCommune(tx: Queryable, actor: OfficerActor, id: string): Promise<OfficerRow> {
  const rows = await tx.query<OfficerRow>(
    'SELECT * FROM officers WHERE id = $1 AND commune_code = $2 FOR UPDATE',
    [id, actor.communeCode],
  );
  if (!rows[0]) throw notFound('Không tìm thấy tài khoản này.');
  return rows[0];
}

/** The commune must keep at least one active admin, or nobody could manage its accounts. */
async function assertAnotherAdmin(tx: Queryable, communeCode: string, exceptId: string) {
  const rows = await tx.query(
    `SELECT 1 FROM officers WHERE commune_code = $1 AND role = 'admin' AND NOT disabled AND id <> $2 LIMIT 1`,
    [communeCode, exceptId],
  );
  if (rows.length === 0) {
    throw conflict(
      'LAST_ADMIN',
      'Xã/phường cần ít nhất một tài khoản quản trị đang hoạt động. Hãy cấp quyền quản trị cho người khác trước.',
    );
  }
}

const name = (o: OfficerRow) => o.display_name || o.username;

export async function createAccount(
  db: Database,
  actor: OfficerActor,
  input: {
    username: string;
    displayName: string;
    password: string;
    role: OfficerRole;
    desk: string;
  },
  now: Date,
): Promise<OfficerRow> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const taken = await tx.query('SELECT 1 FROM officers WHERE username = $1', [input.username]);
    if (taken.length > 0) {
      throw invalid({ username: 'Tên đăng nhập này đã có người dùng. Vui lòng chọn tên khác.' });
    }
    const rows = await tx.query<OfficerRow>(
      `INSERT INTO officers (id, username, password_hash, commune_code, role, display_name, desk, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING *`,
      [
        randomUUID(),
        input.username,
        passwordHash,
        actor.communeCode,
        input.role,
        input.displayName,
        input.desk,
        now,
      ],
    );
    const created = rows[0]!;
    await audit(
      tx,
      actor,
      'tao_tai_khoan',
      { id: created.id, name: name(created) },
      { username: created.username, role: created.role, desk: created.desk },
      now,
    );
    return created;
  });
}

export async function updateAccount(
  db: Database,
  actor: OfficerActor,
  id: string,
  patch: { displayName?: string; role?: OfficerRole; desk?: string; disabled?: boolean },
  now: Date,
): Promise<OfficerRow> {
  return db.transaction(async (tx) => {
    const before = await loadInCommune(tx, actor, id);
    const losesAdmin =
      before.role === 'admin' &&
      !before.disabled &&
      ((patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true);
    if (losesAdmin) await assertAnotherAdmin(tx, actor.communeCode, id);
    if (id === actor.officerId && patch.disabled === true) {
      throw new HttpError(409, 'SELF_DISABLE', 'Bạn không thể tự khóa tài khoản của mình.');
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const next = {
      display_name: patch.displayName ?? before.display_name,
      role: patch.role ?? before.role,
      desk: patch.desk ?? before.desk,
      disabled: patch.disabled ?? before.disabled,
    };
    for (const [key, value] of Object.entries(next)) {
      const old = before[key as keyof typeof next];
      if (old !== value) changes[key] = { from: old, to: value };
    }
    if (Object.keys(changes).length === 0) return before;
    const rows = await tx.query<OfficerRow>(
      `UPDATE officers SET display_name = $2, role = $3, desk = $4, disabled = $5, updated_at = $6
       WHERE id = $1 RETURNING *`,
      [id, next.display_name, next.role, next.desk, next.disabled, now],
    );
    if (next.disabled && !before.disabled) await revokeOfficerSessions(tx, id, now);
    const action =
      changes.disabled !== undefined
        ? next.disabled
          ? 'khoa_tai_khoan'
          : 'mo_khoa_tai_khoan'
        : 'sua_tai_khoan';
    await audit(tx, actor, action, { id, name: name(rows[0]!) }, changes, now);
    return rows[0]!;
  });
}

export async function resetPassword(
  db: Database,
  actor: OfficerActor,
  id: string,
  password: string,
  now: Date,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const before = await loadInCommune(tx, actor, id);
    await tx.query('UPDATE officers SET password_hash = $2, updated_at = $3 WHERE id = $1', [
      id,
      passwordHash,
      now,
    ]);
    await revokeOfficerSessions(tx, id, now);
    await audit(tx, actor, 'dat_lai_mat_khau', { id, name: name(before) }, {}, now);
  });
}
