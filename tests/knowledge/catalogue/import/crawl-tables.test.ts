import { describe, expect, it } from 'vitest';
import { parseCrawlDocuments } from '../../../../knowledge/catalogue/import/crawl-documents.js';
import { splitForms } from '../../../../knowledge/catalogue/import/crawl-forms.js';
import { parseCrawlLegal } from '../../../../knowledge/catalogue/import/crawl-legal.js';
import { parseCrawlMethods } from '../../../../knowledge/catalogue/import/crawl-methods.js';
import {
  hasPortalUi,
  parseCrawlResults,
} from '../../../../knowledge/catalogue/import/crawl-results.js';
import { splitCrawlSections } from '../../../../knowledge/catalogue/import/crawl-sections.js';
import { ImportLog } from '../../../../knowledge/catalogue/import/import-report.js';
import { crawlPage } from './fixtures.js';

// Every input here is real text from the crawl (fixtures or verbatim excerpts of real records).

describe('crawl "Cách thức thực hiện" table', () => {
  it('reads channel, bare time and free filing from the run-together row text', () => {
    const methods = parseCrawlMethods(
      crawlPage('bo-tu-phap', '1.001193').cach_thuc_thuc_hien,
      '1.001193',
      new ImportLog(),
    );
    expect(methods.map((m) => m.channel)).toEqual(['online', 'postal', 'in_person']);
    expect(methods[0]?.processingTime).toEqual({ quantity: 1, unit: 'other', text: null });
    expect(methods[0]?.fees).toEqual([{ kind: 'other', amountVnd: 0, text: 'Miễn phí' }]);
  });

  it('keeps a per-page fee with its unit, a USD fee only as text, and "Không có thông tin" time as null', () => {
    const methods = parseCrawlMethods(
      crawlPage('bo-tu-phap', '2.000815').cach_thuc_thuc_hien,
      '2.000815',
      new ImportLog(),
    );
    expect(methods[0]).toMatchObject({ channel: 'in_person', processingTime: null });
    expect(methods[0]?.fees[0]).toEqual({
      kind: 'other',
      amountVnd: 2000,
      text: '2.000 đồng/trang',
    });
    expect(methods[0]?.description).toContain('từ trang thứ 3 trở lên thu 1.000 đồng/trang');
    expect(methods[1]?.fees[0]).toEqual({ kind: 'other', amountVnd: null, text: '10 USD/bản' });
  });

  it('does not start a new row at a channel name quoted in a description ("+ Trực tuyến: nộp …")', () => {
    const log = new ImportLog();
    const methods = parseCrawlMethods(
      crawlPage('bo-cong-an', '1.003133').cach_thuc_thuc_hien,
      '1.003133',
      log,
    );
    expect(methods).toHaveLength(2);
    expect(methods[0]).toMatchObject({
      channel: 'online',
      processingTime: { quantity: 1, unit: 'working_day', text: null },
    });
    expect(methods[0]?.fees[0]?.amountVnd).toBe(5000);
    expect(methods[0]?.description).toMatch(/^\+ Trực tuyến: nộp hồ sơ trực tuyến/);
    // "40 Việt Nam Đồng" next to "4.000 đ/giấy thông hành" is a source typo: no amount, the wording stays.
    expect(methods[1]?.fees[0]).toMatchObject({
      amountVnd: null,
      text: expect.stringContaining('4.000 đ/giấy thông hành'),
    });
    expect(
      log.drops.get('fee: implausible VND amount (< 1.000) dropped, description kept')?.count,
    ).toBe(1);
  });

  it('splits a bare time glued to an amount at the shortest time and reports the guess', () => {
    const log = new ImportLog();
    const methods = parseCrawlMethods(
      crawlPage('bo-tai-chinh', '1.000014').cach_thuc_thuc_hien,
      '1.000014',
      log,
    );
    expect(methods[0]?.processingTime).toEqual({ quantity: 1, unit: 'other', text: null });
    expect(
      log.drops.get('crawl method: bare time glued to a fee amount, shortest time assumed')?.count,
    ).toBe(methods.length);
  });

  it('keeps a free-text processing time as text', () => {
    const methods = parseCrawlMethods(
      crawlPage('bo-tai-chinh', '1.009824').cach_thuc_thuc_hien,
      '1.009824',
      new ImportLog(),
    );
    expect(methods[0]?.processingTime).toEqual({
      quantity: null,
      unit: 'other',
      text: 'Hệ thống giải quyết thủ tục hành chính ngành Thuế thực hiện phản hồi tự động thông qua phương thức điện tử.',
    });
    expect(methods[0]?.fees).toEqual([]);
  });

  it('does not call a fee free when "Miễn phí" comes with conditions', () => {
    const text =
      'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến3Miễn phí((Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương quyết định. Miễn lệ phí cho người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người khuyết tật.))';
    const [method] = parseCrawlMethods(text, '1.000689', new ImportLog());
    expect(method?.fees[0]?.amountVnd).toBeNull();
    expect(method?.fees[0]?.text).toMatch(/^Mức lệ phí cụ thể do Hội đồng nhân dân/);
  });
});

describe('crawl "Thành phần hồ sơ" table', () => {
  it('reads groups, names and counts, keeping notes with 0 copies', () => {
    const groups = parseCrawlDocuments(
      crawlPage('bo-tu-phap', '1.001193').thanh_phan_ho_so,
      '1.001193',
      new ImportLog(),
    );
    expect(groups.map((g) => g.name)).toEqual([
      '* Giấy tờ phải nộp:',
      '* Giấy tờ phải xuất trình:',
      '* Lưu ý:',
      null,
    ]);
    const birthCertificate = groups[0]?.documents.find((d) =>
      d.name.startsWith('- Giấy chứng sinh'),
    );
    expect(birthCertificate).toMatchObject({ originals: 1, copies: 0, forms: [] });
  });

  it('splits a form file name glued to the document name', () => {
    const [group] = parseCrawlDocuments(
      crawlPage('bo-tu-phap', '1.000627').thanh_phan_ho_so,
      '1.000627',
      new ImportLog(),
    );
    expect(group?.name).toBeNull();
    expect(group?.documents[0]).toEqual({
      name: 'Đơn đăng ký hoạt động',
      originals: 1,
      copies: 0,
      forms: [{ fileName: 'Mẫu TP-TVPL-01-sđ.doc', title: null, url: null }],
    });
  });

  it('reads "0 bản chính,1 bản sao" and gives digits glued to a count back to the name', () => {
    const text =
      '--Tên giấy tờMẫu đơn, tờ khaiSố lượngBản sao Giấy phép0 bản chính,1 bản saoĐơn đề nghị theo Mẫu số 01 ban hành kèm theo Thông tư năm 20261 bản chính';
    const log = new ImportLog();
    const [group] = parseCrawlDocuments(text, 'x', log);
    expect(group?.documents.map((d) => [d.name, d.originals, d.copies])).toEqual([
      ['Bản sao Giấy phép', 0, 1],
      ['Đơn đề nghị theo Mẫu số 01 ban hành kèm theo Thông tư năm 2026', 1, 0],
    ]);
    expect(
      log.drops.get('crawl documents: digits glued to a count given back to the name')?.count,
    ).toBe(1);
  });

  it.each([
    ['Tờ khai theo MẫuMau 14.14.docx', 'Tờ khai theo Mẫu', ['Mau 14.14.docx']],
    [
      '…ban hành kèm theo Nghị định số 13/2020/NĐ-CP của Chính phủ hướng dẫn chi tiết Luật Chăn nuôi08.pdf',
      '…ban hành kèm theo Nghị định số 13/2020/NĐ-CP của Chính phủ hướng dẫn chi tiết Luật Chăn nuôi',
      ['08.pdf'],
    ],
    [
      'Văn bản đề nghị cấp giấy phép (theo mẫu)12.1.PLCpgiyphpcungcpDVHKnngh.docx',
      'Văn bản đề nghị cấp giấy phép (theo mẫu)',
      ['12.1.PLCpgiyphpcungcpDVHKnngh.docx'],
    ],
    [
      '…theo quy định về chấp thuận danh sách nhân sự dự kiến.Phlcs04Thngt01.docxPhlcs05Thngt01.docx',
      '…theo quy định về chấp thuận danh sách nhân sự dự kiến.',
      ['Phlcs04Thngt01.docx', 'Phlcs05Thngt01.docx'],
    ],
    [
      '…sản xuất theo Mẫu số 10.NT Phụ lục I ban hành kèm theo Nghị định số 41/2026/NĐ-CP;Mẫu số 10.docx',
      '…sản xuất theo Mẫu số 10.NT Phụ lục I ban hành kèm theo Nghị định số 41/2026/NĐ-CP;',
      ['Mẫu số 10.docx'],
    ],
    [
      '…tích hợp trên VNeID (nếu có)Mẫu TK01.docx',
      '…tích hợp trên VNeID (nếu có)',
      ['Mẫu TK01.docx'],
    ],
  ])('splits %j', (segment, name, files) => {
    expect(splitForms(segment)).toEqual({ name, files, uncertain: false });
  });

  it('does not take file extensions quoted in prose for files', () => {
    const prose =
      'tệp văn bản điện tử định dạng đuôi “.doc” chứa nội dung của báo cáo và tệp văn bản điện tử định dạng đuôi “.pdf” (nếu nộp trực tuyến).';
    expect(splitForms(prose)).toEqual({ name: prose, files: [], uncertain: false });
  });

  it('re-cuts a documents section that the crawl cut at a heading quoted in the steps', () => {
    const page = crawlPage('bo-tai-chinh', '1.001521');
    expect(parseCrawlDocuments(page.thanh_phan_ho_so, '1.001521', new ImportLog())).toEqual([]);
    const sections = splitCrawlSections(page.raw_text);
    const groups = parseCrawlDocuments(sections?.documents ?? '', '1.001521', new ImportLog());
    expect(groups.flatMap((g) => g.documents).length).toBeGreaterThan(2);
  });
});

describe('crawl "Căn cứ pháp lý" table', () => {
  it('splits titles and numbers glued together, with the number column repeated after its own title', () => {
    const legal = parseCrawlLegal(
      crawlPage('bo-tu-phap', '1.001193').can_cu_phap_ly,
      '1.001193',
      new ImportLog(),
    );
    expect(legal).toHaveLength(15);
    expect(legal[0]).toEqual({
      number: '85/2019/TT-BTC',
      title:
        'Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương',
    });
    expect(legal).toContainEqual({ number: '60/2014/QH13', title: 'Luật 60/2014/QH13' });
    expect(legal).toContainEqual({
      number: '03/2023/TT-BTP',
      title: 'Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp',
    });
    expect(legal).toContainEqual({
      number: '18/2026/NĐ-CP',
      title: expect.stringMatching(/^Nghị định sửa đổi, bổ sung một số nghị định/),
    });
  });

  it.each([
    [
      'Về kinh doanh hàng miễn thuế100/2020/NĐ-CP',
      [{ title: 'Về kinh doanh hàng miễn thuế', number: '100/2020/NĐ-CP' }],
    ],
    [
      // A number cited at the end of a title, right before the row's own number.
      'Nghị định số 280/2025/NĐ-CP sửa đổi, bổ sung, được sửa đổi, bổ sung bởi Nghị định số 07/2025/NĐ-CP280/2025/NĐ-CPThông tư 01/2020/TT-BTP01/2020/TT-BTP',
      [
        {
          title:
            'Nghị định số 280/2025/NĐ-CP sửa đổi, bổ sung, được sửa đổi, bổ sung bởi Nghị định số 07/2025/NĐ-CP',
          number: '280/2025/NĐ-CP',
        },
        { title: 'Thông tư 01/2020/TT-BTP', number: '01/2020/TT-BTP' },
      ],
    ],
    [
      // An all-caps title right after the issuer; a lower-case title right after the issuer.
      'Thông tư số 22/2023/TT-BCA22/2023/TT-BCAQUY ĐỊNH MỨC THU, CHẾ ĐỘ THU TẠI VIỆT NAM25/2021/TT-BTCquy định chi tiết một số điều105/2025/NĐ-CP',
      [
        { title: 'Thông tư số 22/2023/TT-BCA', number: '22/2023/TT-BCA' },
        { title: 'QUY ĐỊNH MỨC THU, CHẾ ĐỘ THU TẠI VIỆT NAM', number: '25/2021/TT-BTC' },
        { title: 'quy định chi tiết một số điều', number: '105/2025/NĐ-CP' },
      ],
    ],
    [
      // A year glued in front of the number, "Ngày" glued after a number inside a title.
      'Luật Cư trú 202068/2020/QH14Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an.53/2025/TT-BCA',
      [
        { title: 'Luật Cư trú 2020', number: '68/2020/QH14' },
        {
          title: 'Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an.',
          number: '53/2025/TT-BCA',
        },
      ],
    ],
  ])('parses %j', (rows, expected) => {
    expect(parseCrawlLegal(`Tên văn bản pháp lýMã văn bản${rows}`, 'x', new ImportLog())).toEqual(
      expected,
    );
  });

  it('treats "Không có thông tin" as no legal basis', () => {
    expect(parseCrawlLegal('Không có thông tin', 'x', new ImportLog())).toEqual([]);
  });
});

describe('crawl "Kết quả xử lý" cell', () => {
  it('keeps result names and strips result codes and the portal UI', () => {
    const cell = crawlPage('bo-tu-phap', '1.001193').ket_qua_xu_ly;
    expect(hasPortalUi(cell)).toBe(true);
    expect(parseCrawlResults(cell, '1.001193', new ImportLog())).toEqual(['Giấy khai sinh']);
  });

  it('does not eat the first letter of the next result after a code', () => {
    const cell =
      'Công văn từ chối nếu Hồ sơ không đáp ứng điều kiệnMã: KQ.G12.001145Văn bản chấp thuận về việc nhận được đầy đủ hồ sơMã: KQ.G12.001151Từ khóaKhông có thông tinMô tảKhông có thông tin';
    expect(parseCrawlResults(cell, 'x', new ImportLog())).toEqual([
      'Công văn từ chối nếu Hồ sơ không đáp ứng điều kiện',
      'Văn bản chấp thuận về việc nhận được đầy đủ hồ sơ',
    ]);
  });
});
