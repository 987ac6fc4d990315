import type { Procedure, ResidentItem } from '../catalogue/procedure-schema.js';
import { cutLabel, cutWords, residentViewOf, stripMarkers } from '../catalogue/resident-view.js';
import type { Attribute } from './attributes.js';
import { currentFeeLines } from './current-fees.js';
import { copiesLabel, hasOnline, levelsLabel } from './format.js';
import { composePage, type PagedAnswer } from './more-pages.js';
import { timeLines } from './processing-time.js';

/*
 * Grounded answer text built only from one catalogue record, sized for a phone: the default answer is at
 * most {@link SHORT_ANSWER_CHARS} characters — name and code, what to bring (forms first, then the main
 * documents, then one line for the other cases), the fee per way of filing, the time with its unit, where
 * to file, the online link and the source. Everything else is paged under "xem thêm" (more-pages.ts).
 * Text is only ever cut from the record, never reworded; when the record lacks a fact the answer says so.
 */

/** The one-stop desk the assistant hands off to (from configuration). */
export interface DeskContact {
  name: string;
  phone?: string | undefined;
  address?: string | undefined;
  hours?: string | undefined;
}

/** The resident's commune office, when the resident named their commune. */
export interface CommuneOffice {
  /** "Xã Hoằng Giang", "Phường Hạc Thành". */
  name: string;
  /** Address of its administrative centre, when known. */
  address: string | null;
}

export interface ComposeOptions {
  /** Attributes the resident asked about; empty → overview. */
  attributes: readonly Attribute[];
  /** "short" (default reply) or "full" ("xem thêm", paged). */
  mode: 'short' | 'full';
  /** Page of "xem thêm" (1-based) in full mode; defaults to 1. */
  page?: number;
  snapshotDate: string;
  desk: DeskContact;
  /** Today's date (ISO), for fee validity; defaults to the current date. */
  today?: string;
  /** The resident's commune office, used in "where to file" for commune-level procedures. */
  commune?: CommuneOffice;
}

export interface ComposedAnswer {
  text: string;
  /** True when "xem thêm" would show more than this text. */
  hasMore: boolean;
  /** In full mode: the page shown and the number of pages. */
  page?: number;
  pages?: number;
}

/** Longest default answer (characters), including the conversation's one-line hints. */
export const SHORT_ANSWER_CHARS = 1200;
/** Room the composer leaves for a conversation hint ("Không đúng thủ tục bạn cần? …"). */
const HINT_RESERVE = 90;

const ASK_DESK = 'Cơ sở dữ liệu thủ tục chưa ghi thông tin này; bạn vui lòng hỏi';
const MORE_HINT = 'Gõ "xem thêm" để xem giấy tờ từng trường hợp, trình tự và căn cứ pháp lý.';

export function deskLine(desk: DeskContact): string {
  const parts = [desk.name];
  if (desk.address) parts.push(desk.address);
  if (desk.phone) parts.push(`ĐT ${desk.phone}`);
  if (desk.hours) parts.push(desk.hours);
  return parts.join(' — ');
}

export function header(p: Procedure, max = Infinity): string {
  return `📄 ${cutWords(p.name, max)} (mã ${p.code})`;
}

function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function sourceLine(p: Procedure, snapshotDate: string): string {
  return `🔗 Nguồn: Cổng Dịch vụ công quốc gia, mã ${p.code} (dữ liệu ngày ${formatDate(snapshotDate)}): ${p.sourceUrl}`;
}

/** Sizes the short answer is tried at, most generous first, until it fits. */
interface Budget {
  items: number;
  label: number;
  fee: number;
  time: number;
  name: number;
  address: number;
}
const BUDGETS: Budget[] = [
  { items: 5, label: 110, fee: 220, time: 200, name: 160, address: 160 },
  { items: 4, label: 80, fee: 150, time: 140, name: 140, address: 120 },
  { items: 3, label: 60, fee: 110, time: 100, name: 120, address: 90 },
  { items: 2, label: 45, fee: 80, time: 70, name: 100, address: 60 },
  { items: 2, label: 40, fee: 60, time: 60, name: 80, address: 0 },
];

function itemLine(
  item: ResidentItem,
  doc: Procedure['documentGroups'][number]['documents'][number] | undefined,
  b: Budget,
): string {
  const label = cutWords(item.label, b.label);
  const extras: string[] = [];
  if (item.kind === 'form' && item.forms[0]) extras.push(`mẫu: ${item.forms[0]}`);
  if (doc && item.kind !== 'form') {
    const copies = copiesLabel(doc);
    if (copies) extras.push(copies);
  }
  const prefix = item.kind === 'show' ? 'Xuất trình: ' : '';
  return `• ${prefix}${label}${extras.length > 0 ? ` (${extras.join('; ')})` : ''}`;
}

function docOf(p: Procedure, id: string) {
  const [g, d] = id.split('.').map(Number);
  return p.documentGroups[g!]?.documents[d!];
}

/** The conditions of the other cases, for the one "Nếu …" line. */
function conditionsLine(items: readonly ResidentItem[], max: number): string | null {
  if (items.length === 0) return null;
  // Named conditions first; items without one ("các trường hợp khác") last.
  const named = items.filter((i) => i.condition).map((i) => i.condition!);
  const conditions = [
    ...new Set(named.map((c) => c.replace(/^(Trường hợp|Nếu)\s+/iu, ''))),
    ...(named.length < items.length ? ['các trường hợp khác'] : []),
  ];
  const shown = conditions.slice(0, 2).map((c) => cutWords(c, max));
  const others = conditions.length - shown.length;
  return `Nếu ${shown.join('; ')}${others > 0 ? ` (và ${others} trường hợp khác)` : ''}: thêm ${items.length} giấy tờ — gõ "xem thêm"`;
}

function documentsBlock(p: Procedure, desk: DeskContact, b: Budget): string[] {
  const view = residentViewOf(p);
  if (view.main.length === 0 && view.conditional.length === 0)
    return [`🗂 Giấy tờ cần chuẩn bị: ${ASK_DESK} ${desk.name}.`];
  const lines = ['🗂 Cần chuẩn bị:'];
  for (const item of view.main.slice(0, b.items)) lines.push(itemLine(item, docOf(p, item.id), b));
  const hiddenMain = view.main.length - Math.min(view.main.length, b.items);
  if (hiddenMain > 0) lines.push(`• … và ${hiddenMain} giấy tờ khác (gõ "xem thêm")`);
  if (view.main.length === 0) {
    lines.push('Giấy tờ tùy trường hợp của bạn:');
  }
  const cond = conditionsLine(view.conditional, Math.max(30, b.label / 2));
  if (cond) lines.push(cond);
  return lines;
}

function feeBlock(p: Procedure, desk: DeskContact, today: string, b: Budget): string[] {
  const lines = currentFeeLines(p.filingMethods, today).map((l) => cutWords(l, b.fee));
  if (lines.length === 0) return [`💰 Lệ phí: ${ASK_DESK} ${desk.name}.`];
  if (lines.length === 1) return [`💰 Lệ phí: ${lines[0]}`];
  return ['💰 Lệ phí:', ...lines.map((l) => `• ${l}`)];
}

function timeBlock(p: Procedure, desk: DeskContact, b: Budget): string[] {
  const lines = timeLines(p).map((l) => cutWords(l, b.time));
  if (lines.length === 0) return [`⏱ Thời gian giải quyết: ${ASK_DESK} ${desk.name}.`];
  if (lines.length === 1) return [`⏱ Thời gian giải quyết: ${lines[0]}`];
  return ['⏱ Thời gian giải quyết:', ...lines.map((l) => `• ${l}`)];
}

const POLICE = /công an/iu;

/** The agency that receives the dossier, as the record names it. */
export function receivingAgency(p: Procedure): string | null {
  const agency = p.agencies.executing[0] ?? p.agencies.competent[0];
  return agency ? stripMarkers(agency).replace(/[.;]+$/u, '') : null;
}

function whereBlock(
  p: Procedure,
  desk: DeskContact,
  commune?: CommuneOffice,
  addressChars = 160,
): string[] {
  const agency = receivingAgency(p);
  const lines: string[] = [];
  if (agency) lines.push(`📍 Nơi nộp: ${agency}`);
  else if (p.levels.length > 0) lines.push(`📍 Nơi nộp: ${levelsLabel(p.levels)}`);
  else lines.push(`📍 Nơi nộp: ${ASK_DESK} ${desk.name}.`);
  const address = p.agencies.receivingAddress;
  if (
    address &&
    addressChars > 0 &&
    agency &&
    address.toLocaleLowerCase('vi') !== agency.toLocaleLowerCase('vi')
  )
    lines.push(`• Địa chỉ tiếp nhận: ${cutWords(stripMarkers(address), addressChars)}`);
  const communeLevel = p.levels.includes('xa') || /cấp xã|xã, phường/iu.test(agency ?? '');
  if (communeLevel && commune) {
    const where = POLICE.test(agency ?? '') ? `Công an ${commune.name}` : commune.name;
    lines.push(`• Của bạn: ${where}${commune.address ? ` — ${commune.address}` : ''}`);
  } else if (communeLevel && !POLICE.test(agency ?? '')) {
    lines.push(`• ${desk.name}`);
  }
  return lines;
}

function onlineLine(p: Procedure): string | null {
  if (!hasOnline(p)) return null;
  const fully = p.fullyOnline ? ', toàn trình' : '';
  return `🌐 Nộp trực tuyến${fully}: dichvucong.gov.vn hoặc ứng dụng VNeID, tìm mã ${p.code}`;
}

function formsBlock(p: Procedure, b: Budget): string[] {
  const view = residentViewOf(p);
  const forms = [...view.main, ...view.conditional].filter((i) => i.kind === 'form');
  if (forms.length === 0)
    return ['📝 Mẫu đơn, tờ khai: cơ sở dữ liệu không ghi mẫu đơn riêng cho thủ tục này.'];
  return [
    '📝 Mẫu đơn, tờ khai:',
    ...forms.slice(0, 4).map((f) => itemLine(f, undefined, b)),
    `Tải mẫu tại trang thủ tục: ${p.sourceUrl}`,
  ];
}

function listBlock(
  title: string,
  items: readonly string[],
  empty: string,
  max: number,
  count = 3,
): string[] {
  if (items.length === 0) return [`${title}: ${empty}`];
  const shown = items.slice(0, count).map((i) => `• ${cutWords(stripMarkers(i), max)}`);
  if (items.length > count) shown.push(`• … (gõ "xem thêm")`);
  return [`${title}:`, ...shown];
}

function attributeBlock(
  p: Procedure,
  a: Attribute,
  o: ComposeOptions,
  today: string,
  b: Budget,
): string[] {
  switch (a) {
    case 'fee':
      return feeBlock(p, o.desk, today, { ...b, fee: Math.max(b.fee * 2, 300) });
    case 'time':
      return timeBlock(p, o.desk, b);
    case 'documents':
      return documentsBlock(p, o.desk, b);
    case 'where':
      return whereBlock(p, o.desk, o.commune, b.address);
    case 'online':
      return [
        onlineLine(p) ??
          `🌐 Làm trực tuyến: theo Cổng Dịch vụ công quốc gia, thủ tục này chưa có hình thức nộp trực tuyến.`,
      ];
    case 'form':
      return formsBlock(p, b);
    case 'legal':
      return listBlock(
        '⚖️ Căn cứ pháp lý',
        p.legalBases.map((l) =>
          l.number && !l.title.includes(l.number) ? `${l.number} — ${l.title}` : l.title,
        ),
        'cơ sở dữ liệu chưa ghi.',
        160,
        5,
      );
    case 'result':
      return listBlock('🎯 Kết quả', p.results, 'cơ sở dữ liệu chưa ghi.', 200);
    case 'steps':
      return listBlock('🔢 Trình tự thực hiện', p.steps, 'cơ sở dữ liệu chưa ghi.', 220, 4);
    case 'who':
      return listBlock('👤 Đối tượng thực hiện', p.targetGroups, 'cơ sở dữ liệu chưa ghi.', 120, 4);
    case 'conditions':
      return [
        p.conditions
          ? `✅ Điều kiện: ${cutWords(p.conditions, 500)}`
          : '✅ Điều kiện: cơ sở dữ liệu không ghi điều kiện riêng.',
      ];
  }
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Builds the answer text for one procedure. */
export function composeAnswer(p: Procedure, options: ComposeOptions): ComposedAnswer {
  const { desk } = options;
  const today = options.today ?? todayIso();

  if (p.detail === 'listed') {
    const text = [
      header(p),
      `Thủ tục thuộc lĩnh vực ${p.field ?? 'chưa rõ'}${p.agencies.executing.length ? `, do ${p.agencies.executing.join('; ')} thực hiện` : ''}.`,
      `Cơ sở dữ liệu của tôi mới có tên thủ tục, chưa có chi tiết giấy tờ, lệ phí và thời gian. Bạn xem đầy đủ tại trang thủ tục trên Cổng Dịch vụ công quốc gia hoặc hỏi ${deskLine(desk)}.`,
      sourceLine(p, options.snapshotDate),
    ].join('\n\n');
    return { text, hasMore: false };
  }

  if (options.mode === 'full') {
    const paged: PagedAnswer = composePage(p, options.page ?? 1, {
      snapshotDate: options.snapshotDate,
      today,
      header: header(p),
      source: sourceLine(p, options.snapshotDate),
    });
    return {
      text: paged.text,
      hasMore: paged.page < paged.pages,
      page: paged.page,
      pages: paged.pages,
    };
  }

  let text = '';
  for (const b of BUDGETS) {
    const blocks: string[][] = [[header(p, b.name)]];
    if (options.attributes.length > 0) {
      for (const a of options.attributes) blocks.push(attributeBlock(p, a, options, today, b));
    } else {
      blocks.push(
        documentsBlock(p, desk, b),
        feeBlock(p, desk, today, b),
        timeBlock(p, desk, b),
        whereBlock(p, desk, options.commune, b.address),
      );
      const online = onlineLine(p);
      if (online) blocks.push([online]);
    }
    blocks.push([sourceLine(p, options.snapshotDate)], [MORE_HINT]);
    text = blocks.map((lines) => lines.join('\n')).join('\n\n');
    if (text.length <= SHORT_ANSWER_CHARS - HINT_RESERVE) break;
  }
  if (text.length > SHORT_ANSWER_CHARS - HINT_RESERVE)
    text = cutWords(text, SHORT_ANSWER_CHARS - HINT_RESERVE - 1);
  return { text, hasMore: true };
}

/** The items listed in the default answer's "what to bring" (for tests and the resident view API). */
export function mainItems(p: Procedure): readonly ResidentItem[] {
  return residentViewOf(p).main;
}

export { cutLabel };
