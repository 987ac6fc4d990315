import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** The OA token pair as persisted. */
export interface OaTokens {
  accessToken: string | undefined;
  /** Epoch ms; undefined when unknown (a token given in config). */
  accessExpiresAt: number | undefined;
  refreshToken: string | undefined;
  /** The configured refresh token this chain started from (detects a re-seeded config). */
  seedRefreshToken: string | undefined;
}

const StoredSchema = z.object({
  accessToken: z.string().optional(),
  accessExpiresAt: z.number().optional(),
  refreshToken: z.string().optional(),
  seedRefreshToken: z.string().optional(),
});

/**
 * Keeps the rotating OA tokens in one JSON file under the data directory. Zalo's refresh token is
 * single-use, so losing the newest one locks the OA out: writes go to a temp file that is renamed
 * over the old one (atomic on one filesystem), never a half-written file.
 */
export class OaTokenStore {
  constructor(readonly file: string) {}

  async load(): Promise<OaTokens | undefined> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return undefined;
    }
    const parsed = StoredSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return undefined;
    const t = parsed.data;
    return {
      accessToken: t.accessToken,
      accessExpiresAt: t.accessExpiresAt,
      refreshToken: t.refreshToken,
      seedRefreshToken: t.seedRefreshToken,
    };
  }

  async save(tokens: OaTokens): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, JSON.stringify(tokens), { mode: 0o600 });
    await rename(temp, this.file);
  }
}
