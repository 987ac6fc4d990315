import type { Fee, FilingMethod } from '../catalogue/procedure-schema.js';
import { cutWords } from '../catalogue/resident-view.js';
import { channelLabel, formatVnd } from './format.js';

/*
 * Fees as a resident reads them today: one line per way of filing, only items valid on `today` (a rate
 * whose validity ended is never shown as current; one that starts later says from when), each the amount,
 * what it is counted per and the case it applies to — all cut from the record's own text.
 */

/** Is the fee valid on `today` (ISO date)? Items without dates always are. */
export function validOn(fee: Fee, today: string): boolean {
  return !fee.validTo || fee.validTo >= today;
}

function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** One fee item on one line ("7.000 đồng/lần đăng ký (Đăng ký tạm trú (cá nhân, hộ gia đình): …)"). */
export function feeItemLine(fee: Fee, today: string, maxCondition = 90): string {
  const from = fee.validFrom && fee.validFrom > today ? ` (áp dụng từ ${dmy(fee.validFrom)})` : '';
  const until = fee.validTo ? ` (đến hết ${dmy(fee.validTo)})` : '';
  if (fee.amountVnd === null) return `${cutWords(fee.text, 200)}`;
  const amount =
    fee.amountVnd === 0
      ? 'Miễn phí'
      : `${formatVnd(fee.amountVnd)} đồng${fee.per ? `/${fee.per}` : ''}`;
  const condition = fee.condition ? ` — ${cutWords(fee.condition, maxCondition)}` : '';
  return `${amount}${condition}${from || until}`;
}

/** The fee lines of a record today: "Nộp trực tuyến: …", or one line when every way costs the same. */
export function currentFeeLines(methods: readonly FilingMethod[], today: string): string[] {
  const lines = methods
    .map((m) => {
      const items = m.fees.filter((f) => validOn(f, today));
      if (items.length === 0) return null;
      const unique = [...new Set(items.map((f) => feeItemLine(f, today)))];
      return { channel: channelLabel(m.channel), text: unique.join('; ') };
    })
    .filter((l): l is { channel: string; text: string } => l !== null);
  if (lines.length === 0) return [];
  const texts = [...new Set(lines.map((l) => l.text))];
  if (texts.length === 1 && lines.length === methods.length) return [texts[0]!];
  return lines.map((l) => `${l.channel}: ${l.text}`);
}

/** True when some fee of the record ended before today (the answer may say a past rate was left out). */
export function hasEndedFee(methods: readonly FilingMethod[], today: string): boolean {
  return methods.some((m) => m.fees.some((f) => !validOn(f, today)));
}
