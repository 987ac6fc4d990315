import type { ReplayGuard } from '../../../common/dossier-contracts.js';
import { BoundedSet } from './bounded-set.js';

/**
 * A {@link ReplayGuard} in memory, for a bot running without the dossier store (demos, tests). It
 * forgets on restart; `npm start` passes the database-backed one instead.
 */
export function memoryReplayGuard(capacity = 10_000): ReplayGuard {
  const seen = new BoundedSet(capacity);
  return { firstSeen: async (key) => seen.add(key) };
}
