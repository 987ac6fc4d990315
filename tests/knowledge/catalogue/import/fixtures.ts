import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Real source records copied from /work/shared/data, same folder layout (see the importer's parsers). */
export const FIXTURE_SOURCES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../fixtures/catalogue-sources',
);

/** A crawled page (dvcqg-chatbot-tthc/<ministry>/<code>.json) as stored in the fixtures. */
export interface CrawlPage {
  ma_thu_tuc: string;
  cach_thuc_thuc_hien: string;
  thanh_phan_ho_so: string;
  can_cu_phap_ly: string;
  ket_qua_xu_ly: string;
  raw_text: string;
}

export function crawlPage(ministry: string, code: string): CrawlPage {
  const file = path.join(FIXTURE_SOURCES, 'dvcqg-chatbot-tthc', ministry, `${code}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as CrawlPage;
}
