import type {
  Procedure,
  ProcedureDocument,
  ResidentItem,
  ResidentItemKind,
  ResidentView,
} from './procedure-schema.js';

/*
 * The resident's view of a procedure's documents, derived from the record: each source item is a form to
 * fill, a document to submit in the common case, a document to show, a conditional item (grouped by its
 * condition), or a note/instruction for officers (kept out of the default answer). Labels are the item's own
 * text, only cut (at ";", " (", a sentence end, or a word boundary) — never reworded. The importer stores
 * the view in the record; answers fall back to deriving it for hand-made records.
 */

/** Group headings that name a kind of document, not a case ("* Giấy tờ phải nộp:"). */
const GENERIC_GROUP =
  /^(?:[*\-–•\d.)\s]*)(?:giấy tờ|thành phần|hồ sơ|chứng từ|bao gồm|tài liệu|lưu ý|ghi chú|trường hợp chung|hồ sơ gồm)/iu;
const NOTE_GROUP = /lưu ý|ghi chú/iu;
const SHOW_GROUP = /xuất trình/iu;
const CONDITION_START = /^(Trường hợp|Nếu|Đối với|Khi|Riêng)\b/u;
const FORM_START = /^(Tờ khai|Mẫu|Đơn|Phiếu|Bản khai|Văn bản đề nghị|Giấy đề nghị)\b/iu;
const SHOW_START =
  /^(Hộ chiếu|Thẻ căn cước|Căn cước|Giấy tờ tùy thân|Xuất trình|Giấy tờ tuỳ thân)/iu;
const OFFICER_DUTY =
  /(người tiếp nhận|cơ quan đăng ký|công chức|cán bộ|cơ quan tiếp nhận|cơ quan giải quyết)[^.;]{0,60}(có trách nhiệm|yêu cầu|kiểm tra|tra cứu|khai thác)/iu;

/** Longest label before it is cut. */
export const LABEL_CHARS = 120;

/** List markers the portal puts before items: "- ", "a) ", "1. ", "+ ", "*". */
export function stripMarkers(text: string): string {
  return text
    .replace(/^(?:[-–•*+]\s*|[a-zđ]\)\s+|\d{1,2}[.)]\s+)+/u, '')
    .replace(/^\s+/, '')
    .trim();
}

/** Cuts text to at most `max` characters at the last whole word, with "…". */
export function cutWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const whole = /\s/.test(text.charAt(max)) ? head : head.slice(0, head.lastIndexOf(' '));
  return `${whole.replace(/[\s,;:(–-]+$/u, '')}…`;
}

/** The item's own text, cut at ";", " (" or a sentence end when long, then at a word boundary. */
export function cutLabel(text: string, max = LABEL_CHARS): string {
  const clean = stripMarkers(text).replace(/\s+/g, ' ');
  if (clean.length <= max) return clean.replace(/[;.,:]+$/u, '');
  const stops = [clean.indexOf(';'), clean.indexOf(' ('), clean.search(/\.\s/u)].filter(
    (i) => i >= 15,
  );
  const cut = stops.length > 0 ? clean.slice(0, Math.min(...stops)) : clean;
  return cutWords(cut.replace(/[;.,:]+$/u, ''), max);
}

/** "Trường hợp trẻ em bị bỏ rơi thì phải có …" → "Trường hợp trẻ em bị bỏ rơi". */
export function conditionOf(text: string): string | null {
  const clean = stripMarkers(text);
  const lead = CONDITION_START.exec(clean);
  let cond: string | null = null;
  if (lead) {
    const end = clean.search(/\s(?:thì|phải|cần)\s|[:;,.]/u);
    cond = end > 0 ? clean.slice(0, end) : clean;
  } else {
    // Only a condition in the item's own head counts ("Văn bản ủy quyền … trong trường hợp ủy quyền …");
    // "Giấy chứng sinh; trường hợp không có …" is a main item with alternatives after the ";".
    const head = clean.split(/;|\.\s/u)[0] ?? clean;
    const at = head.search(/(^|\s)(trong trường hợp|đối với trường hợp|\(nếu)\s/u);
    if (at >= 0 && at < 160) {
      const rest = head
        .slice(at)
        .trim()
        .replace(/^\(/, '')
        .replace(/^(trong|đối với)\s+/u, '');
      const end = rest.search(/[;.)]/u);
      cond = end > 0 ? rest.slice(0, end) : rest;
    }
  }
  if (cond === null) return null;
  cond = cutWords(cond.trim(), 90);
  return cond.charAt(0).toUpperCase() + cond.slice(1);
}

function kindOf(doc: ProcedureDocument, groupName: string | null): ResidentItemKind {
  const text = stripMarkers(doc.name);
  const empty = doc.originals === 0 && doc.copies === 0 && doc.forms.length === 0;
  if (groupName && NOTE_GROUP.test(groupName)) return 'note';
  if (/:\s*$/u.test(text)) return 'note';
  // Officers' duties in the item's own head ("Người tiếp nhận có trách nhiệm …"), not in a later clause.
  const head = text.split(/;|\.\s/u)[0] ?? text;
  if (OFFICER_DUTY.test(head) && !FORM_START.test(text)) return 'note';
  if (empty && /^(Trường hợp|Lưu ý|Ghi chú|Người|Cơ quan|Đối với)/u.test(text)) return 'note';
  if (/không phải (nộp|xuất trình|tải lên)/u.test(text) && empty) return 'note';
  if (FORM_START.test(text) || doc.forms.length > 0) {
    return CONDITION_START.test(text) ? 'conditional' : 'form';
  }
  if (conditionOf(text) !== null) return 'conditional';
  if (SHOW_START.test(text) || (groupName && SHOW_GROUP.test(groupName))) return 'show';
  return 'submit';
}

const ORDER: Record<ResidentItemKind, number> = {
  form: 0,
  submit: 1,
  show: 2,
  conditional: 3,
  note: 4,
};

/** Derives the resident view of a record's documents (see the module comment). */
export function deriveResidentView(p: Procedure): ResidentView {
  const main: ResidentItem[] = [];
  const conditional: ResidentItem[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  p.documentGroups.forEach((group, g) => {
    // A group named after a case ("Đăng ký thường trú vào chỗ ở … do thuê, mượn") holds that case's items.
    const caseName =
      group.name && !GENERIC_GROUP.test(group.name) ? cutWords(stripMarkers(group.name), 90) : null;
    group.documents.forEach((doc, d) => {
      const id = `${g}.${d}`;
      let kind = kindOf(doc, group.name);
      const label = cutLabel(doc.name);
      let condition = kind === 'conditional' ? conditionOf(doc.name) : null;
      if (caseName && kind !== 'note' && kind !== 'form') {
        kind = 'conditional';
        condition = caseName;
      }
      if (kind === 'note') {
        notes.push(id);
        return;
      }
      // The same form listed under several cases is one item to fill.
      const key = `${kind}:${label.toLocaleLowerCase('vi')}`;
      if (kind === 'form' && seen.has(key)) return;
      seen.add(key);
      const item: ResidentItem = {
        id,
        kind,
        label,
        condition,
        forms: doc.forms.map((f) => f.title).filter((t): t is string => t !== null),
      };
      (kind === 'conditional' ? conditional : main).push(item);
    });
  });
  main.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  return { main, conditional, notes, reviewed: false };
}

/** A reviewed overlay entry: the main items, by source item id, in the order residents should read. */
export interface OverlayEntry {
  main: string[];
  note: string;
}

/**
 * Applies a reviewed overlay: the listed items become the main ones in that order (their kind kept, or
 * "submit" when the derivation called them conditional); derived main items not listed become
 * conditional. Throws when an id is not an item of the record (tests run this on every entry).
 */
export function applyOverlay(p: Procedure, view: ResidentView, entry: OverlayEntry): ResidentView {
  const doc = (id: string) => {
    const [g, d] = id.split('.').map(Number);
    const found = p.documentGroups[g!]?.documents[d!];
    if (!found) throw new Error(`overlay item ${id} is not an item of ${p.code}`);
    return found;
  };
  const all = [...view.main, ...view.conditional];
  const main = entry.main.map((id): ResidentItem => {
    const existing = all.find((i) => i.id === id);
    const source = doc(id);
    const kind =
      existing && existing.kind !== 'conditional'
        ? existing.kind
        : FORM_START.test(stripMarkers(source.name))
          ? 'form'
          : 'submit';
    return {
      id,
      kind,
      label: existing?.label ?? cutLabel(source.name),
      condition: null,
      forms:
        existing?.forms ?? source.forms.map((f) => f.title).filter((t): t is string => t !== null),
    };
  });
  const picked = new Set(entry.main);
  const rest = all
    .filter((i) => !picked.has(i.id))
    .map((i) =>
      i.kind === 'conditional' ? i : { ...i, kind: 'conditional' as const, condition: i.condition },
    );
  return {
    main,
    conditional: rest,
    notes: view.notes.filter((id) => !picked.has(id)),
    reviewed: true,
  };
}

/** The record's stored view, or one derived now (hand-made records, older catalogues). */
export function residentViewOf(p: Procedure): ResidentView {
  return p.resident ?? deriveResidentView(p);
}
