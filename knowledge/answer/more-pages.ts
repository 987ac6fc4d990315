import type { Procedure } from '../catalogue/procedure-schema.js';
import { cutLabel, cutWords, residentViewOf, stripMarkers } from '../catalogue/resident-view.js';
import { currentFeeLines } from './current-fees.js';
import { copiesLabel } from './format.js';
import { timeLines } from './processing-time.js';

/*
 * "Xem thêm", paged by section: documents by case, steps, fees/time/results in full, legal basis, notes.
 * A page is at most {@link PAGE_CHARS} characters, so one tap sends one message on every channel
 * (Telegram 4,096, Zalo 2,000). Long sections continue on the next page; text is only cut, never reworded.
 */

/** Longest "xem thêm" page (characters). */
export const PAGE_CHARS = 1500;
/** Room kept for the page heading and the footer. */
const FRAME_CHARS = 330;
const LINE_CHARS = PAGE_CHARS - FRAME_CHARS - 20;

export interface PagedAnswer {
  text: string;
  page: number;
  pages: number;
}

interface Section {
  title: string;
  lines: string[];
}

function docAt(p: Procedure, id: string) {
  const [g, d] = id.split('.').map(Number);
  return p.documentGroups[g!]?.documents[d!];
}

function documentLines(p: Procedure): string[] {
  const view = residentViewOf(p);
  const line = (id: string, label: string, forms: string[]) => {
    const doc = docAt(p, id);
    const extras = [doc ? copiesLabel(doc) : '', ...forms.map((f) => `mẫu: ${f}`)].filter(Boolean);
    return `• ${label}${extras.length ? ` (${extras.join('; ')})` : ''}`;
  };
  const full = (id: string) => cutLabel(docAt(p, id)?.name ?? '', 400);
  const lines: string[] = [];
  if (view.main.length > 0) {
    lines.push('Giấy tờ chính:');
    for (const i of view.main) lines.push(line(i.id, full(i.id), i.forms));
  }
  const byCondition = new Map<string, typeof view.conditional>();
  for (const i of view.conditional) {
    const key = i.condition ?? 'Trường hợp khác';
    byCondition.set(key, [...(byCondition.get(key) ?? []), i]);
  }
  for (const [condition, items] of byCondition) {
    lines.push(`▸ ${condition}:`);
    for (const i of items) lines.push(line(i.id, full(i.id), i.forms));
  }
  return lines;
}

function sections(p: Procedure, today: string): Section[] {
  const out: Section[] = [];
  const docs = documentLines(p);
  if (docs.length > 0) out.push({ title: 'Giấy tờ theo từng trường hợp', lines: docs });
  if (p.steps.length > 0)
    out.push({ title: 'Trình tự thực hiện', lines: p.steps.map((s) => stripMarkers(s)) });
  const facts: string[] = [];
  const fees = currentFeeLines(p.filingMethods, today);
  if (fees.length > 0) facts.push('💰 Lệ phí:', ...fees.map((f) => `• ${f}`));
  const times = timeLines(p);
  if (times.length > 0) facts.push('⏱ Thời gian:', ...times.map((t) => `• ${t}`));
  if (p.results.length > 0) facts.push('🎯 Kết quả:', ...p.results.map((r) => `• ${r}`));
  if (p.targetGroups.length > 0) facts.push(`👤 Đối tượng: ${p.targetGroups.join(', ')}`);
  if (p.conditions) facts.push(`✅ Điều kiện: ${p.conditions}`);
  if (facts.length > 0) out.push({ title: 'Lệ phí, thời gian, kết quả', lines: facts });
  if (p.legalBases.length > 0)
    out.push({
      title: 'Căn cứ pháp lý',
      lines: p.legalBases.map(
        (l) => `• ${l.number && !l.title.includes(l.number) ? `${l.number} — ` : ''}${l.title}`,
      ),
    });
  const notes = residentViewOf(p)
    .notes.map((id) => docAt(p, id)?.name)
    .filter((n): n is string => !!n)
    .map((n) => `• ${stripMarkers(n)}`);
  if (notes.length > 0) out.push({ title: 'Lưu ý', lines: notes });
  return out;
}

/** Splits sections into pages of at most {@link LINE_CHARS} characters of content. */
function paginate(all: Section[]): Array<{ title: string; body: string }> {
  const pages: Array<{ title: string; body: string }> = [];
  for (const section of all) {
    let body = '';
    let part = 0;
    const flush = () => {
      if (!body) return;
      part += 1;
      pages.push({ title: part > 1 ? `${section.title} (tiếp)` : section.title, body });
      body = '';
    };
    for (const raw of section.lines) {
      const line = cutWords(raw, LINE_CHARS);
      if (body && body.length + 1 + line.length > LINE_CHARS) flush();
      body = body ? `${body}\n${line}` : line;
    }
    flush();
  }
  return pages;
}

/** Page `page` (1-based, clamped) of a record's "xem thêm". */
export function composePage(
  p: Procedure,
  page: number,
  frame: { snapshotDate: string; today: string; header: string; source: string },
): PagedAnswer {
  const pages = paginate(sections(p, frame.today));
  if (pages.length === 0)
    return {
      text: `${frame.header}\n\nThủ tục này không có thêm chi tiết.\n\n${frame.source}`,
      page: 1,
      pages: 1,
    };
  const n = Math.min(Math.max(1, Math.floor(page)), pages.length);
  const current = pages[n - 1]!;
  const next = pages[n];
  const heading = `${cutWords(frame.header, 150)}\nXem thêm ${n}/${pages.length}: ${current.title}`;
  const footer = next
    ? `Gõ "xem thêm" để xem tiếp: ${next.title}.`
    : `Đã hết phần chi tiết. ${cutWords(frame.source, 220)}`;
  return { text: `${heading}\n\n${current.body}\n\n${footer}`, page: n, pages: pages.length };
}
