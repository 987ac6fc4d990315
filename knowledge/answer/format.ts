import type {
  Channel,
  Duration,
  Fee,
  FilingMethod,
  Level,
  Procedure,
  ProcedureDocument,
} from '../catalogue/procedure-schema.js';

/*
 * Turns catalogue values into plain Vietnamese phrases. Never adds a fact: every number printed here is
 * a number from the record.
 */

const CHANNEL_LABEL: Record<Channel, string> = {
  online: 'Nộp trực tuyến',
  in_person: 'Nộp trực tiếp',
  postal: 'Nộp qua bưu chính',
};

const UNIT_LABEL: Record<Exclude<Duration['unit'], 'other'>, string> = {
  working_day: 'ngày làm việc',
  day: 'ngày',
  hour: 'giờ',
  month: 'tháng',
  year: 'năm',
};

const LEVEL_LABEL: Record<Level, string> = {
  xa: 'UBND cấp xã/phường',
  tinh: 'cơ quan cấp tỉnh',
  bo: 'cơ quan cấp bộ (trung ương)',
};

export function channelLabel(channel: Channel): string {
  return CHANNEL_LABEL[channel];
}

/** "Ủy ban nhân dân cấp xã" style list of where the procedure is carried out. */
export function levelsLabel(levels: readonly Level[]): string {
  return levels.map((l) => LEVEL_LABEL[l]).join(', ');
}

/** Vietnamese thousands separator: 8000 → "8.000". */
export function formatVnd(amount: number): string {
  return Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function formatDuration(duration: Duration): string {
  if (duration.unit === 'other' || duration.quantity === null) {
    if (duration.text) return duration.text;
    // The portal sometimes gives a bare number with no unit; say so rather than guess days or hours.
    return duration.quantity !== null
      ? `${formatNumber(duration.quantity)} (Cổng Dịch vụ công không ghi đơn vị thời gian; bạn nên hỏi lại Bộ phận Một cửa)`
      : 'chưa ghi rõ';
  }
  const base = `${formatNumber(duration.quantity)} ${UNIT_LABEL[duration.unit]}`;
  return duration.text && !duration.text.includes(base) ? `${base} (${duration.text})` : base;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n).replace('.', ',');
}

export function formatFee(fee: Fee): string {
  if (fee.amountVnd === 0 && !/\d/.test(fee.text)) return 'Miễn phí';
  if (fee.amountVnd === null) return fee.text;
  const amount = fee.amountVnd === 0 ? 'Miễn phí' : `${formatVnd(fee.amountVnd)} đồng`;
  const text = fee.text.trim();
  if (!text || text === amount) return amount;
  // The description often restates the amount with the unit ("2.000 đồng/trang"); keep it whole.
  return `${amount} — ${text}`;
}

export function formatFees(fees: readonly Fee[]): string {
  if (fees.length === 0) return 'không ghi lệ phí';
  return fees.map(formatFee).join('; ');
}

/** One line per way of filing, e.g. "Nộp trực tuyến: 7 ngày làm việc". */
export function methodTimes(methods: readonly FilingMethod[]): string[] {
  return methods
    .filter((m) => m.processingTime !== null)
    .map((m) => `${channelLabel(m.channel)}: ${formatDuration(m.processingTime!)}`);
}

export function methodFees(methods: readonly FilingMethod[]): string[] {
  return methods
    .filter((m) => m.fees.length > 0)
    .map((m) => `${channelLabel(m.channel)}: ${formatFees(m.fees)}`);
}

/** "1 bản chính, 1 bản sao" from the counts, or '' when the record gives none. */
export function copiesLabel(doc: ProcedureDocument): string {
  const parts: string[] = [];
  if (doc.originals) parts.push(`${doc.originals} bản chính`);
  if (doc.copies) parts.push(`${doc.copies} bản sao`);
  return parts.join(', ');
}

export function documentLine(doc: ProcedureDocument, maxLength = Infinity): string {
  let name = doc.name.replace(/^[-–•*+\s]+/, '').trim();
  if (name.length > maxLength) name = `${name.slice(0, maxLength - 1).trimEnd()}…`;
  const extras = [
    copiesLabel(doc),
    // File names are never shown (often garbled); an untitled form is just "mẫu kèm theo".
    ...doc.forms.map((f) => `mẫu: ${f.title ?? 'kèm theo trên trang thủ tục'}`),
  ].filter(Boolean);
  return extras.length > 0 ? `• ${name} (${extras.join('; ')})` : `• ${name}`;
}

export function hasOnline(procedure: Procedure): boolean {
  return procedure.filingMethods.some((m) => m.channel === 'online');
}

/** All form templates of a procedure, de-duplicated by file name. */
export function formsOf(procedure: Procedure): Array<{ name: string; document: string }> {
  const seen = new Map<string, { name: string; document: string }>();
  for (const group of procedure.documentGroups) {
    for (const doc of group.documents) {
      for (const form of doc.forms) {
        const key = form.fileName.toLowerCase();
        if (!seen.has(key))
          seen.set(key, {
            name: form.title ?? 'Mẫu kèm theo trên trang thủ tục',
            document: doc.name,
          });
      }
    }
  }
  return [...seen.values()];
}
