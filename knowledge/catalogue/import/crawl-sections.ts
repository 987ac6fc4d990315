/*
 * The crawl's own section fields were cut from the page text at the first occurrence of each heading, so a
 * heading quoted inside an earlier section ("… theo mục 4.3 (Thành phần hồ sơ) …", "(Căn cứ pháp lý: …)")
 * truncates or shifts a section. This re-cuts the full page text (`raw_text`) in page order, anchoring each
 * section on its table header where it has one.
 */

export interface CrawlSections {
  methods: string;
  documents: string;
  legal: string;
  executing: string;
  conditions: string;
  results: string;
}

/** Index of `needle` at or after `from`; -1 if absent. */
function find(text: string, needle: string, from: number): number {
  return text.indexOf(needle, from);
}

/** First index ≥ from where `heading` is immediately followed by one of `next`. */
function findHeading(text: string, heading: string, next: string[], from: number): number {
  let index = text.indexOf(heading, from);
  while (index !== -1) {
    const after = text.slice(index + heading.length);
    if (next.some((n) => after.startsWith(n))) return index;
    index = text.indexOf(heading, index + 1);
  }
  return -1;
}

const METHOD_ROW = /(?:Trực tuyến|Trực tiếp|Dịch vụ bưu chính)(?:\d|Không có thông tin)/;

/**
 * The documents heading: the first "Thành phần hồ sơ" after the methods table with no method row after it
 * (method descriptions may quote the heading; group names such as "* Thành phần hồ sơ đăng ký…" follow it).
 */
function documentsHeading(raw: string, from: number, limit: number): number {
  if (limit === -1) return raw.indexOf('Thành phần hồ sơ', from);
  let last = -1;
  for (
    let i = raw.indexOf('Thành phần hồ sơ', from);
    i !== -1 && i < limit;
    i = raw.indexOf('Thành phần hồ sơ', i + 1)
  ) {
    if (!METHOD_ROW.test(raw.slice(i, limit))) return i;
    last = i;
  }
  return last;
}

/** Re-cuts the page text; null when the page does not have the expected headings in order. */
export function splitCrawlSections(raw: string): CrawlSections | null {
  const methods = find(raw, 'Cách Thức Thực Hiện', 0);
  if (methods === -1) return null;
  const docsTable = raw.indexOf('Tên giấy tờMẫu đơn, tờ khaiSố lượng', methods);
  const legal0 = findHeading(
    raw,
    'Căn cứ pháp lý',
    ['Tên văn bản pháp lýMã văn bản', 'Không có thông tin'],
    methods,
  );
  const documents = documentsHeading(raw, methods, docsTable !== -1 ? docsTable : legal0);
  const legal =
    documents === -1
      ? -1
      : findHeading(
          raw,
          'Căn cứ pháp lý',
          ['Tên văn bản pháp lýMã văn bản', 'Không có thông tin'],
          documents,
        );
  const executing = legal === -1 ? -1 : find(raw, 'Cơ quan thực hiện', legal);
  const conditions = executing === -1 ? -1 : find(raw, 'Yêu cầu, điều kiện thực hiện', executing);
  if ([documents, legal, executing, conditions].includes(-1)) return null;
  // "Kết quả xử lý" is missing on a few pages; the results are then empty.
  const keywords = find(raw, 'Từ khóa', conditions);
  const end = keywords === -1 ? raw.length : keywords;
  const found = find(raw, 'Kết quả xử lý', conditions);
  const results = found !== -1 && found < end ? found : -1;
  const cut = (start: number, heading: string, stop: number) =>
    raw.slice(start + heading.length, stop);
  return {
    methods: cut(methods, 'Cách Thức Thực Hiện', documents),
    documents: cut(documents, 'Thành phần hồ sơ', legal),
    legal: cut(legal, 'Căn cứ pháp lý', executing),
    executing: cut(executing, 'Cơ quan thực hiện', conditions),
    conditions: cut(conditions, 'Yêu cầu, điều kiện thực hiện', results === -1 ? end : results),
    results: results === -1 ? '' : cut(results, 'Kết quả xử lý', end),
  };
}
