import { z } from 'zod';
import { parseCrawlDocuments } from './crawl-documents.js';
import { parseCrawlLegal } from './crawl-legal.js';
import { parseCrawlMethods } from './crawl-methods.js';
import { hasPortalUi, parseCrawlResults } from './crawl-results.js';
import { splitCrawlSections } from './crawl-sections.js';
import type { ImportLog } from './import-report.js';
import { levelsFromText } from './levels.js';
import type { ParsedSource, SourceRecord } from './partial.js';
import { listFiles, readJsonFile, sourceMdDate } from './source-files.js';
import { blockOrNull, cleanInline, inlineOrNull, lines, splitList } from './text.js';

/*
 * Parser for the flattened page crawl (dvcqg-chatbot-tthc/<ministry>/<code>.json). Every field is a string;
 * the tables are re-parsed from text, and sections are re-cut from the whole page text when possible.
 */

export const CRAWL_DIR = 'dvcqg-chatbot-tthc';

const CrawlRecord = z.strictObject({
  ma_thu_tuc: z.string(),
  detail_url: z.string(),
  formality_id: z.string(),
  ten_thu_tuc: z.string(),
  so_quyet_dinh: z.string(),
  cap_thuc_hien: z.string(),
  loai_thu_tuc: z.string(),
  linh_vuc: z.string(),
  doi_tuong_thuc_hien: z.string(),
  co_quan_co_tham_quyen: z.string(),
  dia_chi_tiep_nhan: z.string(),
  co_quan_duoc_uy_quyen: z.string(),
  co_quan_phoi_hop: z.string(),
  thu_tuc_lien_quan: z.string(),
  trinh_tu_thuc_hien: z.string(),
  cach_thuc_thuc_hien: z.string(),
  thanh_phan_ho_so: z.string(),
  can_cu_phap_ly: z.string(),
  co_quan_thuc_hien: z.string(),
  yeu_cau_dieu_kien: z.string(),
  ket_qua_xu_ly: z.string(),
  raw_text: z.string(),
});
type Crawl = z.infer<typeof CrawlRecord>;

const PORTAL_PAGE = /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\/[0-9a-f-]{36}$/;

/** Why a crawled page cannot be trusted for its code, or null when it can. */
function rejectReason(record: Crawl): string | null {
  const code = record.ma_thu_tuc.trim();
  if (code === '') return 'record has no code';
  // Some pages hold another procedure's content under this code (the crawler followed a wrong link).
  const pageCode = record.raw_text.match(
    /Mã thủ tục\s*([0-9][0-9A-Za-z.\-_]*?)(?=Số quyết định|\s|$)/,
  )?.[1];
  if (pageCode !== undefined && pageCode !== code)
    return `page content belongs to procedure ${pageCode}, not ${code}`;
  if (!PORTAL_PAGE.test(record.detail_url.trim()))
    return `unexpected detail_url ${record.detail_url.slice(0, 80)}`;
  return null;
}

function toRecord(file: string, r: Crawl, log: ImportLog): SourceRecord {
  const code = r.ma_thu_tuc.trim();
  const cut = splitCrawlSections(r.raw_text);
  if (!cut) log.drop('crawl: page text could not be re-cut, crawl fields used', code);
  const section = {
    methods: cut?.methods ?? r.cach_thuc_thuc_hien,
    documents: cut?.documents ?? r.thanh_phan_ho_so,
    legal: cut?.legal ?? r.can_cu_phap_ly,
    executing: cut?.executing ?? r.co_quan_thuc_hien,
    conditions: cut?.conditions ?? r.yeu_cau_dieu_kien,
    results: cut?.results ?? r.ket_qua_xu_ly,
  };
  if (cut && cleanInline(cut.documents) !== cleanInline(r.thanh_phan_ho_so)) {
    log.drop('crawl: documents section re-cut from the page text (crawl field was mis-cut)', code);
  }
  if (cut && cleanInline(cut.legal) !== cleanInline(r.can_cu_phap_ly)) {
    log.drop(
      'crawl: legal basis section re-cut from the page text (crawl field was mis-cut)',
      code,
    );
  }
  if (hasPortalUi(r.ket_qua_xu_ly)) log.drop('crawl results: portal UI text stripped', code);
  return {
    source: 'dvcqg-crawl',
    code,
    file,
    detailed: true,
    facts: {
      name: cleanInline(r.ten_thu_tuc),
      field: inlineOrNull(r.linh_vuc),
      levels: levelsFromText(r.cap_thuc_hien, code, log),
      type: inlineOrNull(r.loai_thu_tuc),
      decisionNumber: inlineOrNull(r.so_quyet_dinh),
      agencies: {
        executing: splitList(section.executing),
        competent: splitList(r.co_quan_co_tham_quyen),
        coordinating: splitList(r.co_quan_phoi_hop),
        receivingAddress: blockOrNull(r.dia_chi_tiep_nhan),
      },
      targetGroups: splitList(r.doi_tuong_thuc_hien),
      steps: lines(r.trinh_tu_thuc_hien),
      filingMethods: parseCrawlMethods(section.methods, code, log),
      documentGroups: parseCrawlDocuments(section.documents, code, log),
      results: parseCrawlResults(section.results, code, log),
      conditions: blockOrNull(section.conditions),
      legalBases: parseCrawlLegal(section.legal, code, log),
      sourceUrl: r.detail_url.trim(),
    },
  };
}

/** Parses every crawled page under {@link CRAWL_DIR}; bad or mismatched pages are logged and skipped. */
export function parseDvcqgCrawl(root: string, log: ImportLog): ParsedSource {
  const records: SourceRecord[] = [];
  for (const file of listFiles(root, CRAWL_DIR, '.json')) {
    const record = readJsonFile(root, file, CrawlRecord, 'dvcqg-crawl', log);
    if (!record) continue;
    const reason = rejectReason(record);
    if (reason) {
      log.skip('dvcqg-crawl', file, reason);
      continue;
    }
    records.push(toRecord(file, record, log));
  }
  return { records, snapshotDate: sourceMdDate(root, CRAWL_DIR) };
}
