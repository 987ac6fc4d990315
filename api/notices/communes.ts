/**
 * @module
 * Which commune codes notices, groups and subscriptions may use: the communes and wards of the
 * commune directory (knowledge/communes), named as residents know them ("Xã Minh Sơn").
 */
import type { CommuneDirectory } from '../../knowledge/index.js';

/** Names a commune by its official code, or null when the code is not a current commune. */
export interface CommuneCheck {
  nameOf(code: string): string | null;
}

/** The check over the commune directory. */
export function communeCheckOf(directory: CommuneDirectory): CommuneCheck {
  return { nameOf: (code) => directory.byCode(code)?.displayName ?? null };
}
