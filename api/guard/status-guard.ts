/**
 * @module
 * The one guarded status lookup used by the web chat, the bots' /hoso and `GET /api/status`. The
 * second factor is only 4 digits, so guessing is stopped where it matters, by reference: every try
 * on a reference counts (a right answer is refunded), and when a reference reaches its limit it is
 * locked for everyone for a full window from that moment. So in any hour a reference gets at most
 * `perReferencePerHour` wrong guesses, however many clients, sessions or channels ask. Per client,
 * lookups per minute and failures per hour are limited too (enumerating many references). All counts
 * live in the database ({@link Counters}).
 */
import { StatusLookupRefused, type PublicStatusLookup } from '../../common/dossier-contracts.js';
import { normaliseReference, REFERENCE_PATTERN } from '../../common/dossier-schema.js';
import type { Config } from '../../common/config.js';
import { createPublicStatusLookup } from '../dossiers/public-status.js';
import type { Queryable } from '../store/database.js';
import type { Counters } from './counters.js';

export interface StatusGuardLimits {
  /** Tries (wrong ones; right ones are refunded) per reference per hour, whoever asks. */
  perReferencePerHour: number;
  /** Lookups per client per minute. */
  perClientPerMinute: number;
  /** Failed lookups per client per hour. */
  failuresPerClientPerHour: number;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Wraps the plain lookup with the per-reference lock and the per-client limits. */
export function guardStatusLookup(
  inner: PublicStatusLookup,
  counters: Counters,
  limits: StatusGuardLimits,
): PublicStatusLookup {
  return async (referenceInput, phoneLast4, client = 'unknown') => {
    const failures = await counters.peek(`sl:cfail:${client}`);
    if (failures && failures.count >= limits.failuresPerClientPerHour)
      throw new StatusLookupRefused('client', Math.ceil(failures.resetInMs / 1000));
    const perClient = await counters.hit(`sl:client:${client}`, MINUTE);
    if (perClient.count > limits.perClientPerMinute)
      throw new StatusLookupRefused('client', Math.ceil(perClient.resetInMs / 1000));

    const reference = normaliseReference(referenceInput);
    // Not a reference at all, or not 4 digits: nothing can match, so nothing is guessed.
    if (!REFERENCE_PATTERN.test(reference) || !/^\d{4}$/.test(phoneLast4)) return null;

    const refKey = `sl:ref:${reference}`;
    const tries = await counters.hit(refKey, HOUR);
    if (tries.count > limits.perReferencePerHour)
      throw new StatusLookupRefused('reference', Math.ceil(tries.resetInMs / 1000));
    // The last allowed try starts the lock: the window then runs a full hour from now, so no rolling
    // hour ever sees more than the limit.
    if (tries.count === limits.perReferencePerHour) await counters.extend(refKey, HOUR);

    const found = await inner(reference, phoneLast4, client);
    if (found) await counters.refund(refKey);
    else await counters.hit(`sl:cfail:${client}`, HOUR);
    return found;
  };
}

/** The guarded lookup over `db` with the configured limits. */
export function createGuardedStatusLookup(
  db: Queryable,
  counters: Counters,
  config: Config,
): PublicStatusLookup {
  return guardStatusLookup(createPublicStatusLookup(db), counters, {
    perReferencePerHour: config.security.statusGuessesPerReferencePerHour,
    perClientPerMinute: config.dossiers.statusLookupsPerMinute,
    failuresPerClientPerHour: config.security.statusFailuresPerClientPerHour,
  });
}
