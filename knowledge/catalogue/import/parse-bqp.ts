import type { Fee, FilingMethod, ProcedureDocument } from '../procedure-schema.js';
import {
  TEXT_UNIT_PATTERN,
  makeDuration,
  parseQuantity,
  textDuration,
  unitFromText,
} from './durations.js';
import { feeKindFromLabel, makeFee } from './fees.js';
import type { ImportLog } from './import-report.js';
import { levelsFromText } from './levels.js';
import type { ParsedSource, SourceRecord } from './partial.js';
import { channelFromText, cleanLegalNumber, uniqueLegalBases } from './portal.js';
import { listFiles, readJsonFile, sourceMdDate } from './source-files.js';
import { BqpRecord, type Bqp } from './bqp-schema.js';
import { blockOrNull, cleanInline, inlineOrNull, isNoInfo, lines, splitList } from './text.js';

/*
 * Parser for the Ministry of Defence records (bqp-nhdandz/data/**), extracted from the portal's .doc exports.
 * Known column mix-up in the documents table: the form file name(s) sit in `so_luong` and the counts in
 * `ghi_chu` ("Bản chính: 1\nBản sao: 0"). The export has no portal URL; the master list supplies it.
 */

export const BQP_DIR = 'bqp-nhdandz/data';

const TIME = new RegExp(`^(\\d+(?:[.,]\\d+)?) (${TEXT_UNIT_PATTERN})$`, 'u');
/** "Phí : 2.000.000 Đồng (Thẩm định …)", "Lệ phí : 1.5 USD", "Phí : Mức thu bằng 50% … Đồng (…)". */
const FEE_LINE = /^(Lệ phí|Phí)\s*:\s*(.*?)\s*(Đồng|USD)?\s*(?:\((.*)\))?$/su;

/** Parses an amount as printed in the export: "2.000.000", "20000", "0", "Không"; null when not a number. */
function amount(text: string, currency: string): number | null {
  const t = text.trim();
  if (/^không$/i.test(t)) return 0;
  if (currency === 'USD' && /^\d+(?:[.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^\d{1,3}(?:\.\d{3})+$|^\d+$/.test(t)) return Number(t.replace(/\./g, ''));
  return null;
}

function fees(text: string, code: string, log: ImportLog): Fee[] {
  const out: Fee[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    if (/^File đính kèm:/i.test(line)) {
      log.drop('bqp fee: attached file reference dropped (no URL)', `${code}: ${line}`);
      continue;
    }
    const m = line.match(FEE_LINE);
    if (!m) {
      log.drop('bqp fee: line not understood, kept as text', `${code}: ${line}`);
      out.push({ kind: 'other', amountVnd: null, text: cleanInline(line) });
      continue;
    }
    const currency = m[3] === 'USD' ? 'USD' : 'VND';
    const value = amount(m[2] ?? '', currency);
    // A non-numeric amount ("Mức thu bằng 50% …") is wording, kept in front of the description.
    const description =
      value === null ? [m[2], m[4] && `(${m[4]})`].filter(Boolean).join(' ') : (m[4] ?? null);
    const fee = makeFee(
      feeKindFromLabel(m[1] ?? ''),
      value,
      currency,
      description || null,
      code,
      log,
    );
    if (fee) out.push(fee);
  }
  return out;
}

function method(
  row: Bqp['tables']['hinh_thuc_nop'][number],
  code: string,
  log: ImportLog,
): FilingMethod | null {
  const channel = channelFromText(row.hinh_thuc);
  if (!channel) {
    log.drop('bqp method: unknown channel', `${code}: ${row.hinh_thuc}`);
    return null;
  }
  const description = blockOrNull(row.mo_ta);
  const time = cleanInline(row.thoi_han_giai_quyet);
  const m = time.match(TIME);
  const duration = m
    ? makeDuration(
        parseQuantity(m[1] ?? '') ?? null,
        unitFromText(m[2] ?? '') ?? 'other',
        null,
        code,
        log,
      ).duration
    : textDuration(time, null, code, log).duration;
  return { channel, processingTime: duration, fees: fees(row.phi_le_phi, code, log), description };
}

function counts(note: string): { originals: number | null; copies: number | null } {
  const originals = note.match(/Bản chính:\s*(\d+)/)?.[1];
  const copies = note.match(/Bản sao:\s*(\d+)/)?.[1];
  return {
    originals: originals === undefined ? null : Number(originals),
    copies: copies === undefined ? null : Number(copies),
  };
}

function documents(r: Bqp): ProcedureDocument[] {
  return r.tables.thanh_phan_ho_so
    .map((row) => ({
      name: cleanInline(row.ten_giay_to),
      ...counts(row.ghi_chu),
      forms: row.so_luong
        .split('\n')
        .map((f) => cleanInline(f))
        .filter(Boolean)
        .map((fileName) => ({ fileName, title: null, url: null })),
    }))
    .filter((doc) => doc.name !== '');
}

function toRecord(file: string, r: Bqp, log: ImportLog): SourceRecord {
  const code = (r.metadata.mã_thủ_tục || r.thu_tuc_id).trim();
  const c = r.content;
  const docs = documents(r);
  return {
    source: 'bqp',
    code,
    file,
    detailed: true,
    facts: {
      name: cleanInline(r.metadata.tên_thủ_tục),
      field: inlineOrNull(r.metadata.lĩnh_vực),
      levels: levelsFromText(r.metadata.cấp_thực_hiện, code, log),
      type: inlineOrNull(r.metadata.loại_thủ_tục),
      decisionNumber: cleanLegalNumber(r.metadata.số_quyết_định),
      agencies: {
        executing: splitList(c.cơ_quan_thực_hiện),
        competent: splitList(c.cơ_quan_có_thẩm_quyền),
        coordinating: splitList(c.cơ_quan_phối_hợp),
        receivingAddress: blockOrNull(c.địa_chỉ_tiếp_nhận_hs),
      },
      targetGroups: splitList(c.đối_tượng_thực_hiện),
      steps: lines(c.trình_tự_thực_hiện),
      filingMethods: r.tables.hinh_thuc_nop.flatMap((row) => method(row, code, log) ?? []),
      documentGroups: docs.length > 0 ? [{ name: null, documents: docs }] : [],
      results: lines(c.kết_quả_thực_hiện),
      conditions: blockOrNull(c.yêu_cầu_điều_kiện_thực_hiện),
      legalBases: uniqueLegalBases(
        r.tables.can_cu_phap_ly.flatMap((row) => {
          const title = inlineOrNull(row.trich_yeu) ?? inlineOrNull(row.so_ky_hieu);
          return title === null ? [] : [{ number: cleanLegalNumber(row.so_ky_hieu), title }];
        }),
      ),
    },
  };
}

/** Parses every BQP record under {@link BQP_DIR}; bad files are logged and skipped. */
export function parseBqp(root: string, log: ImportLog): ParsedSource {
  const records: SourceRecord[] = [];
  for (const file of listFiles(root, BQP_DIR, '.json')) {
    const record = readJsonFile(root, file, BqpRecord, 'bqp', log);
    if (!record) continue;
    if (isNoInfo(record.metadata.mã_thủ_tục) && isNoInfo(record.thu_tuc_id)) {
      log.skip('bqp', file, 'record has no code');
      continue;
    }
    records.push(toRecord(file, record, log));
  }
  return { records, snapshotDate: sourceMdDate(root, 'bqp-nhdandz') };
}
