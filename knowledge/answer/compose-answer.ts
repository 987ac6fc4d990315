import type { Procedure } from '../catalogue/procedure-schema.js';
import type { Attribute } from './attributes.js';
import {
  channelLabel,
  documentLine,
  formsOf,
  hasOnline,
  levelsLabel,
  methodFees,
  methodTimes,
} from './format.js';

/*
 * Grounded answer text built only from one catalogue record. Sections are plain text (channels add
 * markup). When the record lacks a fact, the answer says so and points to the one-stop desk instead of
 * guessing.
 */

/** The one-stop desk the assistant hands off to (from configuration). */
export interface DeskContact {
  name: string;
  phone?: string | undefined;
  address?: string | undefined;
  hours?: string | undefined;
}

export interface ComposeOptions {
  /** Attributes the resident asked about; empty → overview. */
  attributes: readonly Attribute[];
  /** "short" (default reply) or "full" ("xem thêm"). */
  mode: 'short' | 'full';
  snapshotDate: string;
  desk: DeskContact;
}

export interface ComposedAnswer {
  text: string;
  /** True when the full mode would show more than this text. */
  hasMore: boolean;
}

const SHORT_DOCS = 6;
const SHORT_DOC_CHARS = 220;
/** Group headings as the portal writes them ("* Giấy tờ phải nộp:") → "Giấy tờ phải nộp". */
function groupTitle(name: string): string {
  return name.replace(/^[*\-–•\s]+/, '').replace(/[:：\s]+$/, '');
}

const ASK_DESK = 'Cơ sở dữ liệu thủ tục chưa ghi thông tin này; bạn vui lòng hỏi';

export function deskLine(desk: DeskContact): string {
  const parts = [desk.name];
  if (desk.address) parts.push(desk.address);
  if (desk.phone) parts.push(`ĐT ${desk.phone}`);
  if (desk.hours) parts.push(desk.hours);
  return parts.join(' — ');
}

function header(p: Procedure): string {
  return `📄 ${p.name} (mã ${p.code})`;
}

function whereSection(p: Procedure, desk: DeskContact): string {
  const lines: string[] = ['📍 Nộp ở đâu:'];
  const agencies = [...p.agencies.executing, ...p.agencies.competent].filter(
    (a, i, all) => all.indexOf(a) === i,
  );
  if (p.levels.length > 0) lines.push(`• Cấp thực hiện: ${levelsLabel(p.levels)}`);
  if (agencies.length > 0) lines.push(`• Cơ quan thực hiện: ${agencies.slice(0, 3).join('; ')}`);
  if (p.agencies.receivingAddress)
    lines.push(`• Địa chỉ tiếp nhận: ${p.agencies.receivingAddress}`);
  if (p.levels.includes('xa')) lines.push(`• Tại xã/phường: ${desk.name}`);
  const channels = [...new Set(p.filingMethods.map((m) => channelLabel(m.channel)))];
  if (channels.length > 0) lines.push(`• Cách nộp: ${channels.join(', ')}`);
  if (lines.length === 1) lines.push(`• ${ASK_DESK} ${desk.name}.`);
  return lines.join('\n');
}

function onlineSection(p: Procedure): string {
  if (p.detail === 'listed') {
    return `🌐 Làm trực tuyến: cơ sở dữ liệu chưa có chi tiết về cách nộp của thủ tục này. Bạn có thể tra mã ${p.code} trên Cổng Dịch vụ công quốc gia: ${p.sourceUrl}`;
  }
  if (!hasOnline(p)) {
    return `🌐 Làm trực tuyến: theo Cổng Dịch vụ công quốc gia, thủ tục này chưa có hình thức nộp trực tuyến; bạn nộp ${p.filingMethods.map((m) => channelLabel(m.channel).replace('Nộp ', '')).join(' hoặc ') || 'tại cơ quan giải quyết'}.`;
  }
  const fully = p.fullyOnline ? ' (dịch vụ công trực tuyến toàn trình)' : '';
  return [
    `🌐 Làm trực tuyến: CÓ${fully}.`,
    `• Nộp trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) hoặc ứng dụng VNeID, tìm theo mã thủ tục ${p.code}.`,
    `• Trang thủ tục: ${p.sourceUrl}`,
  ].join('\n');
}

/** Fee explanations the portal puts in the filing-method description (per page, caps, exemptions). */
function feeNotes(p: Procedure): string[] {
  const notes = p.filingMethods
    .filter((m) => m.fees.length > 0 && m.description && /đồng|phí|miễn|usd/i.test(m.description))
    .map((m) => m.description!.trim());
  return [...new Set(notes)].map((n) => `  ${n.length > 400 ? `${n.slice(0, 399)}…` : n}`);
}

function feeSection(p: Procedure, desk: DeskContact): string {
  const fees = methodFees(p.filingMethods);
  if (fees.length === 0) return `💰 Lệ phí: ${ASK_DESK} ${desk.name}.`;
  const notes = feeNotes(p);
  if (notes.length > 0) {
    return ['💰 Lệ phí:', ...fees.map((f) => `• ${f}`), 'Ghi chú về phí:', ...notes].join('\n');
  }
  const unique = [...new Set(fees.map((f) => f.replace(/^[^:]+: /, '')))];
  if (unique.length === 1 && fees.length === p.filingMethods.length) {
    return `💰 Lệ phí: ${unique[0]}`;
  }
  return ['💰 Lệ phí:', ...fees.map((f) => `• ${f}`)].join('\n');
}

function timeSection(p: Procedure, desk: DeskContact): string {
  const times = methodTimes(p.filingMethods);
  if (times.length === 0) return `⏱ Thời gian giải quyết: ${ASK_DESK} ${desk.name}.`;
  const unique = [...new Set(times.map((t) => t.replace(/^[^:]+: /, '')))];
  if (unique.length === 1 && times.length === p.filingMethods.length) {
    return `⏱ Thời gian giải quyết: ${unique[0]}`;
  }
  return ['⏱ Thời gian giải quyết:', ...times.map((t) => `• ${t}`)].join('\n');
}

function documentsSection(
  p: Procedure,
  mode: 'short' | 'full',
  desk: DeskContact,
): { text: string; truncated: boolean } {
  const groups = p.documentGroups.filter((g) => g.documents.length > 0);
  if (groups.length === 0) {
    return { text: `🗂 Giấy tờ cần chuẩn bị: ${ASK_DESK} ${desk.name}.`, truncated: false };
  }
  const lines: string[] = ['🗂 Giấy tờ cần chuẩn bị:'];
  if (mode === 'full') {
    for (const g of groups) {
      if (g.name && groups.length > 1) lines.push(`▸ ${groupTitle(g.name)}`);
      for (const d of g.documents) lines.push(documentLine(d));
    }
    return { text: lines.join('\n'), truncated: false };
  }
  const first = groups[0]!;
  if (first.name && groups.length > 1) lines.push(`▸ ${groupTitle(first.name)}`);
  for (const d of first.documents.slice(0, SHORT_DOCS))
    lines.push(documentLine(d, SHORT_DOC_CHARS));
  const hiddenDocs = first.documents.length - Math.min(first.documents.length, SHORT_DOCS);
  const hiddenGroups = groups.length - 1;
  const truncated =
    hiddenDocs > 0 ||
    hiddenGroups > 0 ||
    first.documents.some((d) => d.name.length > SHORT_DOC_CHARS);
  if (hiddenDocs > 0 || hiddenGroups > 0) {
    const more = [
      hiddenDocs > 0 ? `${hiddenDocs} giấy tờ khác` : '',
      hiddenGroups > 0 ? `giấy tờ cho ${hiddenGroups} trường hợp khác` : '',
    ].filter(Boolean);
    lines.push(`(còn ${more.join(' và ')} — gõ "xem thêm" để xem đầy đủ)`);
  }
  return { text: lines.join('\n'), truncated };
}

function formSection(p: Procedure): string {
  const forms = formsOf(p);
  if (forms.length === 0) {
    return '📝 Mẫu đơn, tờ khai: cơ sở dữ liệu không ghi mẫu đơn riêng cho thủ tục này.';
  }
  return [
    '📝 Mẫu đơn, tờ khai:',
    ...forms.slice(0, 8).map((f) => `• ${f.name}`),
    `Tải mẫu tại trang thủ tục: ${p.sourceUrl}`,
  ].join('\n');
}

function legalSection(p: Procedure, limit: number): string {
  if (p.legalBases.length === 0) return '⚖️ Căn cứ pháp lý: cơ sở dữ liệu chưa ghi.';
  const lines = p.legalBases
    .slice(0, limit)
    .map((l) => `• ${l.number && !l.title.includes(l.number) ? `${l.number} — ` : ''}${l.title}`);
  if (p.legalBases.length > limit) lines.push(`(và ${p.legalBases.length - limit} văn bản khác)`);
  return ['⚖️ Căn cứ pháp lý:', ...lines].join('\n');
}

function resultSection(p: Procedure): string {
  if (p.results.length === 0) return '🎯 Kết quả: cơ sở dữ liệu chưa ghi.';
  return `🎯 Kết quả nhận được: ${p.results.join('; ')}`;
}

function stepsSection(p: Procedure, mode: 'short' | 'full'): string {
  if (p.steps.length === 0) return '🔢 Trình tự thực hiện: cơ sở dữ liệu chưa ghi.';
  const text = p.steps.join('\n');
  const limit = mode === 'full' ? 3000 : 700;
  return `🔢 Trình tự thực hiện:\n${text.length > limit ? `${text.slice(0, limit).trimEnd()}…` : text}`;
}

function whoSection(p: Procedure): string {
  if (p.targetGroups.length === 0) return '👤 Đối tượng: cơ sở dữ liệu chưa ghi.';
  return `👤 Đối tượng thực hiện: ${p.targetGroups.join(', ')}`;
}

function conditionsSection(p: Procedure): string {
  if (!p.conditions) return '✅ Điều kiện: cơ sở dữ liệu không ghi điều kiện riêng.';
  return `✅ Điều kiện: ${p.conditions.length > 900 ? `${p.conditions.slice(0, 900)}…` : p.conditions}`;
}

export function sourceLine(p: Procedure, snapshotDate: string): string {
  return `🔗 Nguồn: Cổng Dịch vụ công quốc gia, thủ tục mã ${p.code} (dữ liệu ngày ${formatDate(snapshotDate)}): ${p.sourceUrl}`;
}

function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Builds the answer text for one procedure. */
export function composeAnswer(p: Procedure, options: ComposeOptions): ComposedAnswer {
  const { desk, mode } = options;
  const sections: string[] = [header(p)];
  let truncated = false;

  if (p.detail === 'listed') {
    sections.push(
      `Thủ tục thuộc lĩnh vực ${p.field ?? 'chưa rõ'}${p.agencies.executing.length ? `, do ${p.agencies.executing.join('; ')} thực hiện` : ''}.`,
      `Cơ sở dữ liệu của tôi mới có tên thủ tục, chưa có chi tiết giấy tờ, lệ phí và thời gian. Bạn xem đầy đủ tại trang thủ tục trên Cổng Dịch vụ công quốc gia hoặc hỏi ${deskLine(desk)}.`,
      sourceLine(p, options.snapshotDate),
    );
    return { text: sections.join('\n\n'), hasMore: false };
  }

  const asked = options.attributes;
  if (mode === 'full') {
    sections.push(whoSection(p));
    const docs = documentsSection(p, 'full', desk);
    sections.push(docs.text, formSection(p), feeSection(p, desk), timeSection(p, desk));
    sections.push(whereSection(p, desk), onlineSection(p), stepsSection(p, 'full'));
    sections.push(resultSection(p));
    if (p.conditions) sections.push(conditionsSection(p));
    sections.push(legalSection(p, 20));
  } else if (asked.length > 0) {
    for (const attribute of asked) {
      switch (attribute) {
        case 'fee':
          sections.push(feeSection(p, desk));
          break;
        case 'time':
          sections.push(timeSection(p, desk));
          break;
        case 'documents': {
          const docs = documentsSection(p, 'short', desk);
          truncated ||= docs.truncated;
          sections.push(docs.text);
          break;
        }
        case 'where':
          sections.push(whereSection(p, desk));
          break;
        case 'online':
          sections.push(onlineSection(p));
          break;
        case 'form':
          sections.push(formSection(p));
          break;
        case 'legal':
          sections.push(legalSection(p, 8));
          break;
        case 'result':
          sections.push(resultSection(p));
          break;
        case 'steps':
          sections.push(stepsSection(p, 'short'));
          break;
        case 'who':
          sections.push(whoSection(p));
          break;
        case 'conditions':
          sections.push(conditionsSection(p));
          break;
      }
    }
    truncated = true;
  } else {
    const docs = documentsSection(p, 'short', desk);
    sections.push(docs.text, feeSection(p, desk), timeSection(p, desk), whereSection(p, desk));
    if (hasOnline(p)) sections.push(onlineSection(p));
    truncated = true;
  }
  sections.push(sourceLine(p, options.snapshotDate));
  if (mode === 'short' && truncated) {
    sections.push('Gõ "xem thêm" để xem đầy đủ giấy tờ, trình tự, mẫu đơn và căn cứ pháp lý.');
  }
  return { text: sections.join('\n\n'), hasMore: mode === 'short' && truncated };
}
