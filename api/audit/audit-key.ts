/**
 * @module
 * The audit key: the HMAC key of the dossier history chain (see dossiers/history-chain.ts). It lives
 * outside the database, so someone who can write the database but does not hold the key cannot
 * recompute the chain after editing it. AUDIT_KEY when set; otherwise a key file — by default
 * `DATA_DIR/audit-key`, beside (not inside) the PGlite folder, generated once with mode 0600. A
 * production deployment keeps the key in a secret store instead (config refuses production +
 * PostgreSQL without one). The key is never logged: only its {@link AuditKey.mac} is exposed.
 */
import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../common/errors.js';

/** HMAC-SHA256 under the audit key. The key itself is not reachable from this object. */
export interface AuditKey {
  /** Hex HMAC-SHA256 of `text` (UTF-8). */
  mac(text: string): string;
}

/** Where the key comes from (config.audit). */
export interface AuditKeySource {
  key?: string | undefined;
  keyFile: string;
  /** Create `keyFile` when it does not exist (the embedded default); otherwise a missing file is an error. */
  generate: boolean;
}

/** Wraps raw key material. */
export function auditKeyFrom(material: string | Buffer): AuditKey {
  const key: KeyObject = createSecretKey(
    typeof material === 'string' ? Buffer.from(material, 'utf8') : material,
  );
  return {
    mac: (text) => createHmac('sha256', key).update(text, 'utf8').digest('hex'),
  };
}

/** The key file could not be read or holds too short a key: one clear line at start. */
export class AuditKeyError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('AUDIT_KEY_UNAVAILABLE', message, { cause, userMessage: message });
  }
}

const MIN_LENGTH = 32;

/** Reads (or on first start creates) the audit key. */
export async function loadAuditKey(source: AuditKeySource): Promise<AuditKey> {
  if (source.key) return auditKeyFrom(source.key);
  const file = source.keyFile;
  const existing = await readKeyFile(file);
  if (existing !== null) return auditKeyFrom(existing);
  if (!source.generate) {
    throw new AuditKeyError(
      `không tìm thấy khóa kiểm toán / audit key not found at ${file} (set AUDIT_KEY or AUDIT_KEY_FILE to the key the server signs with)`,
    );
  }
  await mkdir(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString('base64url');
  // Written whole under a private name, then linked into place: a process starting at the same
  // moment sees no key file or the whole key, never an empty one (writing the file in place with
  // 'wx' let a second server read it half-written and stop with "too short"). The link fails when
  // the file exists, so two starters cannot overwrite each other's key.
  const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(draft, `${key}\n`, { mode: 0o600, flag: 'wx' });
    await link(draft, file);
    return auditKeyFrom(key);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new AuditKeyError(`không tạo được khóa kiểm toán / cannot create ${file}`, error);
    const raced = await readKeyFile(file);
    if (raced === null)
      throw new AuditKeyError(`không tạo được khóa kiểm toán / cannot create ${file}`);
    return auditKeyFrom(raced);
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

async function readKeyFile(file: string): Promise<string | null> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AuditKeyError(
      `không đọc được khóa kiểm toán / cannot read the audit key ${file}`,
      error,
    );
  }
  if (text.length < MIN_LENGTH) {
    throw new AuditKeyError(
      `khóa kiểm toán quá ngắn / the audit key in ${file} is shorter than ${MIN_LENGTH} characters`,
    );
  }
  return text;
}
