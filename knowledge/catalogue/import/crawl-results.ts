import type { ImportLog } from './import-report.js';
import { cleanInline, isNoInfo, uniqueStrings } from './text.js';

/*
 * The crawl's "Kết quả xử lý" cell: result names each followed by the portal's result code
 * ("Giấy khai sinhMã: KQ.G15.000031"), then the page's UI ("Từ khóa…Mô tả…Chọn cơ quan thực hiện…Nộp hồ sơ").
 * The codes and the UI are dropped; the names are the results.
 */

/** Where the portal's UI text starts after the results (keyword box, agency picker, submit button). */
const UI_START = /Từ khóa|Chọn cơ quan thực hiện|Hệ thống chỉ hiển thị|-- Chọn|Nộp hồ sơ$/;
/**
 * A result code: "Mã: KQ.G15.000031", "Mã: KQ-G10-KQ-000002", "Mã: G19-KQ006098", "Mã: TP-G12.0001300",
 * "Mã: 000.00.00.G15-KQ003208", "Mã: 12231". The next result name is glued right after the code, so a code is
 * made only of segments like "KQ", "G15", "000031" joined by "." or "-".
 */
const RESULT_CODE = /Mã:\s*(?:[A-Za-z]{1,4}\d+|\d+|KQ|TP)(?:[.-](?:[A-Za-z]{1,4}\d+|\d+|KQ|TP))*/g;

/** True when the text carries the portal's UI (keyword box, agency picker, submit button). */
export function hasPortalUi(text: string): boolean {
  return UI_START.test(text);
}

/** Parses the results cell into result names; portal UI text, if any, is cut off. */
export function parseCrawlResults(text: string, code: string, log: ImportLog): string[] {
  const ui = text.search(UI_START);
  const body = ui === -1 ? text : text.slice(0, ui);
  const parts = body.split(RESULT_CODE).map((part) => {
    // Free-form codes ("Mã: Test_P001", "Mã: Chưa xác định") at the end of the cell are dropped too.
    const odd = part.match(/Mã:\s*\S[^\n]{0,30}$/);
    if (!odd) return part;
    log.drop('crawl results: free-form result code dropped', `${code}: ${odd[0]}`);
    return part.slice(0, odd.index);
  });
  // A "Mã:" label with an empty code sits between two results; it separates them like a code does.
  const names = uniqueStrings(
    parts.flatMap((part) => part.split(/Mã:\s*/)).filter((part) => !isNoInfo(part)),
  );
  if (names.length === 0 && !isNoInfo(body))
    log.drop(
      'crawl results: text without result names ignored',
      `${code}: ${cleanInline(body).slice(0, 80)}`,
    );
  return names;
}
