/**
 * @module
 * The commune directory of Thanh Hóa: the 166 communes and wards in force since 1 July 2025, looked up
 * by official code or by name as a resident types it, and the 547 units before the merger, each with
 * the new unit(s) it joined ("xã Hoằng Quỳ cũ giờ thuộc xã nào?" → Xã Hoằng Giang).
 */
import type { CommuneData, CommuneType, FormerCommuneType } from './commune-schema.js';
import { BUNDLED_COMMUNES_DIR, loadCommuneData } from './load-communes.js';
import { officeAddressOf } from './office-address.js';
import { exactKey, foldedKey, nameFits, nameSyllables, stripTypePrefix } from './name-key.js';
import { foldMarks } from '../text/normalize.js';

/** A former unit as listed on a current commune: code, name (no type word) and old district. */
export interface FormerCommuneRef {
  code: string;
  name: string;
  /** Old district, e.g. "Huyện Hoằng Hóa". */
  district: string;
}

/** A current commune or ward (since 1 July 2025). */
export interface Commune {
  /** Official 5-digit GSO code, e.g. "15127"; the key officers, dossiers and configuration use. */
  code: string;
  /** Name without the type word, e.g. "Hoằng Giang". */
  name: string;
  type: CommuneType;
  /** Type word + name, e.g. "Xã Hoằng Giang", "Phường Hạc Thành". */
  displayName: string;
  /**
   * Where the People's Committee sits, verbatim from the source (may name two sites: party and
   * government); null when the source says "đang cập nhật".
   */
  centreAddress: string | null;
  /**
   * Where residents file: the "(chính quyền)" site when the centre text names separate party and
   * government sites ("Trụ sở xã Quảng Yên"), else the centre text itself; null when unknown.
   */
  officeAddress: string | null;
  lon: number | null;
  lat: number | null;
  areaKm2: number | null;
  /** Population published with the merger; may be missing. */
  population: number | null;
  /** The units before the merger that (wholly or partly) joined it. */
  formerCommunes: FormerCommuneRef[];
}

/** A unit before the merger, with the current unit(s) it joined. */
export interface FormerCommune {
  code: string;
  name: string;
  type: FormerCommuneType;
  /** Type word + name, e.g. "Thị trấn Bút Sơn". */
  displayName: string;
  district: string;
  /** The current units it joined, by code; several when it was split. */
  successors: Commune[];
  /** True when it was split between several current units. */
  split: boolean;
}

/** Options of {@link CommuneDirectory.find}. */
export interface FindOptions {
  /** Also find a name with no "xã"/"phường" before it anywhere in the text. */
  anywhere?: boolean;
}

/** Lookups over the commune data; build one with {@link loadCommuneDirectory}. */
export interface CommuneDirectory {
  /** Every current commune and ward, by code. */
  all(): readonly Commune[];
  /** The current unit with this official code (surrounding spaces ignored), if any. */
  byCode(code: string): Commune | undefined;
  /** True when `code` is the official code of a current unit: the only codes dossiers and officers may use. */
  has(code: string): boolean;
  /**
   * Current communes whose name matches `text`: accents optional ("hoang giang"), tolerant of a type
   * word ("xã", "phường", "P.", "X."), case and spacing; a 5-digit code also works. A name inside a
   * sentence is found after its type word ("tôi ở xã Hoằng Giang"). Units of the typed type come first;
   * several results when an unaccented name fits several units. Empty when nothing matches.
   * With `anywhere`, a name of two or more syllables is also found without a type word ("tôi ở
   * Hoằng Giang"); off by default because some names are ordinary words ("thắng lợi").
   */
  find(text: string, options?: FindOptions): Commune[];
  /** Every unit before the merger, by code. */
  allFormer(): readonly FormerCommune[];
  /** The unit before the merger with this GSO code, if any. */
  formerByCode(code: string): FormerCommune | undefined;
  /**
   * Units before the merger matching `text` (a name as in {@link find}, optionally with "cũ" and the
   * old district: "xã Minh Sơn huyện Triệu Sơn", or a 5-digit old code; inside a question too, with
   * or without a type word), each with the current unit(s) it joined. A name used in several old
   * districts returns every candidate with its district. Call it when the resident asks about an old
   * unit: it looks for a name anywhere in the text.
   */
  resolveFormer(text: string): FormerCommune[];
}

const TYPE_WORD: Record<FormerCommuneType, string> = {
  xa: 'Xã',
  phuong: 'Phường',
  thi_tran: 'Thị trấn',
};

const CODE = /^\s*(\d{5})\s*$/;
/** Type words that introduce a name inside a sentence, folded. */
const INTRODUCERS: Readonly<Record<string, FormerCommuneType>> = {
  xa: 'xa',
  phuong: 'phuong',
  p: 'phuong',
  tran: 'thi_tran', // "thị trấn"
  tt: 'thi_tran',
};
const DISTRICT_WORDS = new Set(['huyen', 'thi xa', 'thanh pho', 'tp', 'quan']);
/** Words after a former name that do not belong to it ("cũ", "trước đây", "trước sáp nhập"). */
const FORMER_TAIL = new Set([
  'cu',
  'truoc',
  'truoc day',
  'truoc sap nhap',
  'ngay xua',
  'ngay truoc',
]);

/** What the name index keeps per unit: its syllables and type, next to the public object. */
interface Named<T> {
  code: string;
  words: string[];
  type: FormerCommuneType;
  item: T;
}

/** Name index: folded key → entries whose name folds to it. */
class NameIndex<T> {
  private readonly byKey = new Map<string, Named<T>[]>();
  readonly maxWords: number;
  constructor(entries: readonly Named<T>[]) {
    let max = 1;
    for (const e of entries) {
      const key = foldedKey(e.words);
      const list = this.byKey.get(key) ?? [];
      list.push(e);
      this.byKey.set(key, list);
      max = Math.max(max, e.words.length);
    }
    this.maxWords = max;
  }
  /** Entries whose name the typed syllables fit (marks typed must be right). */
  lookup(typed: readonly string[]): Named<T>[] {
    const fits = (this.byKey.get(foldedKey(typed)) ?? []).filter((e) => nameFits(typed, e.words));
    // A name typed with all its marks means that unit, not another that differs by a mark.
    const exact = exactKey(typed);
    const same = fits.filter((e) => exactKey(e.words) === exact);
    return same.length > 0 ? same : fits;
  }
}

/** Typed type first, then by code; keeps every match. */
function preferType<T>(found: Named<T>[], type: FormerCommuneType | null): T[] {
  return [...found]
    .sort(
      (a, b) =>
        Number(type !== null && b.type === type) - Number(type !== null && a.type === type) ||
        a.code.localeCompare(b.code),
    )
    .map((e) => e.item);
}

/** The type word at the start of typed syllables, if any. */
function leadingType(words: readonly string[]): FormerCommuneType | null {
  const f = words.map(foldMarks);
  if (f[0] === 'thi' && f[1] === 'tran') return 'thi_tran';
  return words.length > 1 ? (INTRODUCERS[f[0]!] ?? null) : null;
}

/**
 * Names introduced by a type word inside a sentence: for each type word, the longest run of following
 * syllables that names an entry.
 */
function scanSentence<T>(
  words: readonly string[],
  index: NameIndex<T>,
): { found: Named<T>[]; type: FormerCommuneType; end: number }[] {
  const folded = words.map(foldMarks);
  const out: { found: Named<T>[]; type: FormerCommuneType; end: number }[] = [];
  for (let i = 0; i < words.length - 1; i += 1) {
    const type = INTRODUCERS[folded[i]!];
    if (!type || (type === 'thi_tran' && folded[i] === 'tran' && folded[i - 1] !== 'thi')) continue;
    for (let n = Math.min(index.maxWords, words.length - i - 1); n >= 1; n -= 1) {
      const found = index.lookup(words.slice(i + 1, i + 1 + n));
      if (found.length > 0) {
        out.push({ found, type, end: i + 1 + n });
        break;
      }
    }
  }
  return out;
}

/**
 * The first name of two or more syllables anywhere in a sentence, without a type word before it
 * ("Hoằng Quỳ giờ thuộc xã nào"): the longest run that names an entry, leftmost first.
 */
function scanAnywhere<T>(
  words: readonly string[],
  index: NameIndex<T>,
): { found: Named<T>[]; end: number } | null {
  for (let i = 0; i + 1 < words.length; i += 1) {
    for (let n = Math.min(index.maxWords, words.length - i); n >= 2; n -= 1) {
      const found = index.lookup(words.slice(i, i + n));
      if (found.length > 0) return { found, end: i + n };
    }
  }
  return null;
}

/** Splits "… huyện Triệu Sơn" into the name part and the district's syllables. */
function splitDistrict(words: readonly string[]): { name: string[]; district: string[] | null } {
  const folded = words.map(foldMarks);
  for (let i = 1; i < words.length; i += 1) {
    const one = folded[i]!;
    const two = `${one} ${folded[i + 1] ?? ''}`;
    const len = DISTRICT_WORDS.has(two) ? 2 : DISTRICT_WORDS.has(one) ? 1 : 0;
    if (len > 0 && i + len < words.length) {
      return { name: words.slice(0, i), district: words.slice(i + len) };
    }
  }
  return { name: [...words], district: null };
}

/** Drops "cũ", "trước đây"… from the end of a former name. */
function stripFormerTail(words: readonly string[]): string[] {
  const folded = words.map(foldMarks);
  for (let n = Math.min(3, words.length - 1); n >= 1; n -= 1) {
    if (FORMER_TAIL.has(folded.slice(-n).join(' '))) return words.slice(0, -n);
  }
  return [...words];
}

/** Whether the district's name (without "Huyện"/"Thị xã"/"Thành phố") fits the typed syllables. */
function districtFits(typed: readonly string[], district: string): boolean {
  const words = nameSyllables(district);
  const bare = words.slice(words.length - typed.length);
  return nameFits(typed, bare);
}

/** Builds a directory over already-loaded data. */
export function createCommuneDirectory(data: CommuneData): CommuneDirectory {
  const formerRows = new Map(data.formerCommunes.map((f) => [f.code, f]));
  const communes: Commune[] = data.communes.map((c) => ({
    code: c.code,
    name: c.name,
    type: c.type,
    displayName: `${TYPE_WORD[c.type]} ${c.name}`,
    centreAddress: c.centreAddress,
    officeAddress: officeAddressOf(c.centreAddress),
    lon: c.lon,
    lat: c.lat,
    areaKm2: c.areaKm2,
    population: c.population,
    formerCommunes: c.formerCodes.map((code) => {
      const f = formerRows.get(code);
      if (!f) throw new Error(`commune ${c.code}: unknown former code ${code}`);
      return { code: f.code, name: f.name, district: f.district };
    }),
  }));
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const formers: FormerCommune[] = data.formerCommunes.map((f) => ({
    code: f.code,
    name: f.name,
    type: f.type,
    displayName: `${TYPE_WORD[f.type]} ${f.name}`,
    district: f.district,
    successors: f.successorCodes.map((code) => {
      const c = byCode.get(code);
      if (!c) throw new Error(`former commune ${f.code}: unknown successor ${code}`);
      return c;
    }),
    split: f.successorCodes.length > 1,
  }));
  const formerByCode = new Map(formers.map((f) => [f.code, f]));
  const named = <T extends { code: string; name: string; type: FormerCommuneType }>(
    items: readonly T[],
  ) =>
    new NameIndex(
      items.map((item) => ({
        code: item.code,
        words: nameSyllables(item.name),
        type: item.type,
        item,
      })),
    );
  const communeIndex = named(communes);
  const formerIndex = named(formers);

  const find = (text: string, options: FindOptions = {}): Commune[] => {
    const code = CODE.exec(text);
    if (code) {
      const c = byCode.get(code[1]!);
      return c ? [c] : [];
    }
    const words = nameSyllables(text);
    const whole = communeIndex.lookup(stripTypePrefix(words));
    if (whole.length > 0) return preferType(whole, leadingType(words));
    const inSentence = scanSentence(words, communeIndex)[0];
    if (inSentence) return preferType(inSentence.found, inSentence.type);
    const anywhere = options.anywhere ? scanAnywhere(words, communeIndex) : null;
    return anywhere ? preferType(anywhere.found, null) : [];
  };

  const resolveFormer = (text: string): FormerCommune[] => {
    const code = CODE.exec(text);
    if (code) {
      const f = formerByCode.get(code[1]!);
      return f ? [f] : [];
    }
    const words = nameSyllables(text);
    const { name, district } = splitDistrict(words);
    const bare = stripFormerTail(stripTypePrefix(name));
    let found: Named<FormerCommune>[] = formerIndex.lookup(bare);
    let type = leadingType(name);
    let rest: string[] = [];
    if (found.length === 0) {
      const hit: { found: Named<FormerCommune>[]; type?: FormerCommuneType; end: number } | null =
        scanSentence(words, formerIndex)[0] ?? scanAnywhere(words, formerIndex);
      if (!hit) return [];
      found = hit.found;
      type = hit.type ?? null;
      rest = words.slice(hit.end);
    }
    const districtWords = district ?? splitDistrict(['_', ...rest]).district;
    if (districtWords) {
      const inDistrict = found.filter((f) => districtFits(districtWords, f.item.district));
      if (inDistrict.length > 0) found = inDistrict;
    }
    // A typed type word narrows only when something of that type matches ("xã" vs "thị trấn").
    if (type !== null && found.some((f) => f.type === type)) {
      found = found.filter((f) => f.type === type);
    }
    return preferType(found, type);
  };

  return {
    all: () => communes,
    byCode: (c) => byCode.get(c.trim()),
    has: (c) => byCode.has(c),
    find,
    allFormer: () => formers,
    formerByCode: (c) => formerByCode.get(c.trim()),
    resolveFormer,
  };
}

let bundled: CommuneDirectory | undefined;

/**
 * The commune directory from the committed data (`knowledge/communes/data/communes.json`), loaded
 * and validated once per process; pass `dir` to read another copy (not cached).
 */
export function loadCommuneDirectory(options: { dir?: string } = {}): CommuneDirectory {
  if (options.dir !== undefined && options.dir !== BUNDLED_COMMUNES_DIR) {
    return createCommuneDirectory(loadCommuneData(options.dir));
  }
  bundled ??= createCommuneDirectory(loadCommuneData());
  return bundled;
}
