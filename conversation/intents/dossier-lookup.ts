import { StatusLookupRefused } from '../../common/dossier-contracts.js';
import { REFERENCE_PATTERN } from '../../common/dossier-schema.js';
import { formatDossierStatus } from '../../common/dossier-status-text.js';
import { plain } from '../context.js';
import { texts } from '../texts.js';
import type { Intent } from './intent.js';

/** Status lookups one session may make: the second factor is only 4 digits. */
export const MAX_LOOKUPS_PER_SESSION = 5;

// "tra cứu hồ sơ", "hồ sơ của tôi đến đâu rồi", "kiểm tra tình trạng hồ sơ" … (folded text).
const ASKS_LOOKUP =
  /\b(tra cuu|tra soat|kiem tra|theo doi|xem) (tinh trang |trang thai |ket qua )?(ho so|hoso)\b|\b(tinh trang|trang thai|tien do) (ho so|hoso)\b|\bho so (cua toi|cua minh|toi da nop|da nop|den dau|xong chua|the nao roi)\b/;
// Words that may stand beside a reference and the digits without making it another question.
const LOOKUP_WORDS = /\b(ho so|hoso|tra cuu|trang thai|tinh trang|ma|so|dien thoai|sdt|cuoi)\b/;

/** The reference and the 4 digits found in a message, if any. */
export function parseStatusParts(text: string): {
  reference: string | null;
  phone4: string | null;
  others: number;
} {
  const tokens = text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const reference = tokens.find((t) => REFERENCE_PATTERN.test(t)) ?? null;
  const phone4 = tokens.find((t) => /^\d{4}$/.test(t)) ?? null;
  const others = tokens.filter((t) => t !== reference && t !== phone4).length;
  return { reference, phone4, others };
}

/**
 * "tra cứu hồ sơ KX7PM3TA 1234" (or just "KX7PM3TA 1234"): a reference read out by the desk plus the
 * last four digits of the phone number the dossier was filed with. When a part is missing the
 * resident is asked for it, and the next message may carry only that part.
 */
export const dossierLookup: Intent = {
  name: 'dossier-lookup',
  async handle(turn, ctx) {
    const { session } = turn;
    const waiting = session.lookupWaiting ?? null;
    session.lookupWaiting = null;
    const parts = parseStatusParts(turn.text);
    const asked = ASKS_LOOKUP.test(turn.folded);
    const aboutDossier = asked || LOOKUP_WORDS.test(turn.folded) || parts.others === 0;

    let reference = parts.reference;
    if (!reference && waiting?.reference && parts.phone4 && parts.others <= 4)
      reference = waiting.reference;
    const inLookup = asked || waiting !== null;

    if (reference && parts.phone4 && (aboutDossier || waiting)) {
      if (!ctx.deps.statusLookup) return plain(texts.statusUnavailable(ctx.deps.desk));
      session.lookups = (session.lookups ?? 0) + 1;
      if (session.lookups > MAX_LOOKUPS_PER_SESSION) return plain(texts.statusTooMany);
      try {
        // Limits are per client, never per session: the web chat's session id is the client's choice.
        const { message } = turn;
        const client = message.clientKey ?? `${message.channel}:${message.userId}`;
        const found = await ctx.deps.statusLookup(reference, parts.phone4, client);
        return plain(found ? formatDossierStatus(found) : texts.statusNotFound);
      } catch (error) {
        if (error instanceof StatusLookupRefused) return plain(error.message);
        return plain(texts.statusBusy);
      }
    }
    if (reference && (aboutDossier || inLookup)) {
      session.lookupWaiting = { reference };
      return plain(texts.statusAskPhone(reference));
    }
    if (asked || (waiting && parts.phone4)) {
      session.lookupWaiting = { reference: null };
      return plain(texts.statusAskReference);
    }
    return null;
  },
};
