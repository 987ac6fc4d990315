/**
 * @module
 * Officer accounts: username, scrypt password hash, role and the commune they serve.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from './database.js';

export type OfficerRole = 'officer' | 'admin';

export interface OfficerRow {
  id: string;
  username: string;
  password_hash: string;
  commune_code: string;
  role: OfficerRole;
  display_name: string | null;
  /** Desk worked (`mot_cua`, `cong_an`); see api/console/desks.ts. */
  desk: string;
  disabled: boolean;
  created_at: Date;
  updated_at: Date;
}

/**
 * Creates an officer, or updates password/commune/role when the username exists (so the CLI can reset
 * a password). Returns the row and whether it was created.
 */
export async function upsertOfficer(
  q: Queryable,
  o: {
    username: string;
    passwordHash: string;
    communeCode: string;
    role: OfficerRole;
    displayName?: string | null;
  },
): Promise<{ officer: OfficerRow; created: boolean }> {
  const rows = await q.query<OfficerRow & { inserted: boolean }>(
    `INSERT INTO officers (id, username, password_hash, commune_code, role, display_name)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash,
       commune_code = EXCLUDED.commune_code, role = EXCLUDED.role,
       display_name = COALESCE(EXCLUDED.display_name, officers.display_name), disabled = false, updated_at = now()
     RETURNING *, (xmax = 0) AS inserted`,
    [randomUUID(), o.username, o.passwordHash, o.communeCode, o.role, o.displayName ?? null],
  );
  const { inserted, ...officer } = rows[0]!;
  return { officer, created: inserted };
}

export async function findOfficerByUsername(
  q: Queryable,
  username: string,
): Promise<OfficerRow | undefined> {
  const rows = await q.query<OfficerRow>('SELECT * FROM officers WHERE username = $1', [username]);
  return rows[0];
}

export async function findOfficerById(q: Queryable, id: string): Promise<OfficerRow | undefined> {
  const rows = await q.query<OfficerRow>('SELECT * FROM officers WHERE id = $1', [id]);
  return rows[0];
}

/** True when at least one active officer serves `communeCode` (someone will see its dossiers). */
export async function communeIsServed(q: Queryable, communeCode: string): Promise<boolean> {
  const rows = await q.query(
    'SELECT 1 FROM officers WHERE commune_code = $1 AND NOT disabled LIMIT 1',
    [communeCode],
  );
  return rows.length > 0;
}
