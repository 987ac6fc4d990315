/**
 * @module
 * `npm run import:communes`: builds `knowledge/communes/data/communes.json` and `import-report.json`
 * from the public admin-unit files. Output is deterministic (sorted, no timestamps): re-importing the
 * same files gives byte-identical data.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CommuneDataSchema,
  type CommuneData,
  type CommuneType,
  type StoredCommune,
  type StoredFormerCommune,
} from '../commune-schema.js';
import { COMMUNES_FILE, IMPORT_REPORT_FILE } from '../load-communes.js';
import { exactKey, nameSyllables } from '../name-key.js';
import { matchFormerUnits, type LegacyUnit, type MatchReport } from './match-former.js';
import { NOT_MERGED, parseMergedFrom, unitType, type Mention } from './merged-from.js';
import {
  ADMIN_UNITS_DIR,
  BANDO_FILE,
  CODES_FILE,
  LEGACY_FILE,
  readAdminUnitSources,
  type AdminUnitSources,
} from './read-sources.js';

/** What the importer could not use or had to decide; committed next to the data. */
export interface CommuneImportReport {
  counts: {
    communes: number;
    xa: number;
    phuong: number;
    unchanged: number;
    formerCommunes: number;
    formerMatched: number;
    formerSplit: number;
    formerNotMentioned: number;
    mentions: number;
    mentionsMatched: number;
  };
  /** New units of the map file without an official code (or the reverse). */
  codeJoinProblems: { unit: string; reason: string }[];
  /** Items of `truocsapnhap` that could not be parsed. */
  parseProblems: { commune: string; item: string; reason: string }[];
  unmatched: MatchReport['unmatched'];
  matchedIgnoringMarks: MatchReport['matchedIgnoringMarks'];
  disambiguated: MatchReport['disambiguated'];
  /** Old units named by several new units: split between them. */
  split: { former: string; into: string[] }[];
  /** Old units of the GSO list that no new unit names (they would resolve to nothing). */
  notMentioned: string[];
  /** Old units whose name says another type than the GSO level column (the name's type is used). */
  levelMismatches: { code: string; name: string; level: string }[];
  /** Numeric fields that were not numbers in the source (kept as null). */
  notNumbers: { commune: string; field: string; value: string }[];
}

export interface CommuneImportResult {
  data: CommuneData;
  report: CommuneImportReport;
  /** The two files exactly as written. */
  files: { communes: string; report: string };
}

const DISPLAY_TYPE: Record<CommuneType, string> = { xa: 'Xã', phuong: 'Phường' };
const display = (type: CommuneType, name: string) => `${DISPLAY_TYPE[type]} ${name}`;
const byCode = <T extends { code: string }>(a: T, b: T) => a.code.localeCompare(b.code);

function numberOrNull(
  value: string,
  commune: string,
  field: string,
  report: CommuneImportReport,
): number | null {
  const cleaned = value.replace(/,/g, '').trim();
  if (cleaned === '') return null;
  const n = Number(cleaned);
  if (Number.isFinite(n)) return n;
  report.notNumbers.push({ commune, field, value });
  return null;
}

/**
 * Old units with the type word cut from the name. When the name's own type word disagrees with the
 * level column (the GSO list has "Thị trấn Ngọc Lặc" at level "Xã"), the name wins: `truocsapnhap`
 * names units the same way, and the disagreement is reported.
 */
function legacyUnits(rows: AdminUnitSources['legacy'], report: CommuneImportReport): LegacyUnit[] {
  return rows.map((r) => {
    if (!/^\d{5}$/.test(r.code)) throw new Error(`${LEGACY_FILE}: bad code "${r.code}"`);
    const level = unitType(r.type);
    const word = TYPE_WORD.exec(r.fullName);
    const named = word ? unitType(word[1]!) : null;
    const type = named ?? level;
    if (!type) throw new Error(`${LEGACY_FILE}: unknown level "${r.type}" for ${r.code}`);
    if (named && level && named !== level) {
      report.levelMismatches.push({ code: r.code, name: r.fullName, level: r.type });
    }
    const name = word ? r.fullName.slice(word[0].length).trim() : r.fullName.trim();
    return { code: r.code, name, type, district: r.district };
  });
}

const TYPE_WORD = /^(thị trấn|phường|xã)\s+/i;
const CENTRE_UNKNOWN = /^đang cập nhật$/i;

/** Builds the directory from already-read sources (pure; used by tests and the CLI). */
export function buildCommuneDirectory(sources: AdminUnitSources): CommuneImportResult {
  const report: CommuneImportReport = {
    counts: {
      communes: 0,
      xa: 0,
      phuong: 0,
      unchanged: 0,
      formerCommunes: 0,
      formerMatched: 0,
      formerSplit: 0,
      formerNotMentioned: 0,
      mentions: 0,
      mentionsMatched: 0,
    },
    codeJoinProblems: [],
    parseProblems: [],
    unmatched: [],
    matchedIgnoringMarks: [],
    disambiguated: [],
    split: [],
    notMentioned: [],
    levelMismatches: [],
    notNumbers: [],
  };

  // Official codes, by type + name.
  const codeOf = new Map<string, AdminUnitSources['codes'][number]>();
  for (const c of sources.codes) {
    const type = unitType(c.type);
    if (type !== 'xa' && type !== 'phuong') {
      report.codeJoinProblems.push({ unit: `${c.type} ${c.name}`, reason: 'loại không rõ' });
      continue;
    }
    codeOf.set(`${type}|${exactKey(nameSyllables(c.name))}`, c);
  }

  const communes: StoredCommune[] = [];
  const mentionsOf = new Map<string, Mention[]>();
  const joined = new Set<string>();
  for (const b of sources.bando) {
    const type = unitType(b.type);
    const label = `${b.type} ${b.name}`;
    if (type !== 'xa' && type !== 'phuong') {
      report.codeJoinProblems.push({ unit: label, reason: 'loại không rõ' });
      continue;
    }
    const key = `${type}|${exactKey(nameSyllables(b.name))}`;
    const official = codeOf.get(key);
    if (!official || !/^\d{5}$/.test(official.code)) {
      report.codeJoinProblems.push({
        unit: label,
        reason: 'không có mã GSO 5 số cùng loại và tên',
      });
      continue;
    }
    joined.add(key);
    const name = b.name.trim();
    const parsed = parseMergedFrom(b.mergedFrom);
    for (const p of parsed.problems) {
      report.parseProblems.push({ commune: display(type, name), item: p.raw, reason: p.reason });
    }
    const unchanged = b.mergedFrom.trim().toLocaleLowerCase('vi') === NOT_MERGED.toLowerCase();
    if (unchanged) report.counts.unchanged += 1;
    mentionsOf.set(
      official.code,
      unchanged
        ? [
            {
              raw: display(type, name),
              type,
              name: nameSyllables(name),
              district: null,
              remainder: false,
            },
          ]
        : parsed.mentions,
    );
    const centre = b.centre.replace(/\s+/g, ' ').trim();
    const where = display(type, name);
    communes.push({
      code: official.code,
      name,
      type,
      centreAddress: centre === '' || CENTRE_UNKNOWN.test(centre) ? null : centre,
      lon:
        numberOrNull(b.lon, where, 'kinhdo', report) ??
        numberOrNull(official.lon, where, 'wardLon', report),
      lat:
        numberOrNull(b.lat, where, 'vido', report) ??
        numberOrNull(official.lat, where, 'wardLat', report),
      areaKm2:
        numberOrNull(official.areaKm2, where, 'wardAreaKm2', report) ??
        numberOrNull(b.areaKm2, where, 'dientichkm2', report),
      population: numberOrNull(b.population, where, 'dansonguoi', report),
      formerCodes: [],
    });
  }
  for (const [key, c] of codeOf) {
    if (!joined.has(key)) {
      report.codeJoinProblems.push({
        unit: `${c.type} ${c.name} (${c.code})`,
        reason: 'có mã GSO nhưng không có trong danh sách sáp nhập',
      });
    }
  }
  communes.sort(byCode);
  const seen = new Set<string>();
  for (const c of communes) {
    if (seen.has(c.code)) throw new Error(`duplicate commune code ${c.code}`);
    seen.add(c.code);
  }

  const legacy = legacyUnits(sources.legacy, report);
  const matched = matchFormerUnits(
    communes.map((c) => ({
      code: c.code,
      displayName: display(c.type, c.name),
      mentions: mentionsOf.get(c.code) ?? [],
    })),
    legacy,
  );
  report.unmatched = matched.report.unmatched;
  report.matchedIgnoringMarks = matched.report.matchedIgnoringMarks;
  report.disambiguated = matched.report.disambiguated;

  const successors = new Map<string, Set<string>>();
  for (const c of communes) {
    const codes = matched.links.get(c.code) ?? [];
    c.formerCodes = [...new Set(codes)];
    for (const f of codes) {
      const set = successors.get(f) ?? new Set<string>();
      set.add(c.code);
      successors.set(f, set);
    }
  }
  const communeLabel = new Map(
    communes.map((c) => [c.code, `${c.code} ${display(c.type, c.name)}`]),
  );
  const formerCommunes: StoredFormerCommune[] = legacy
    .map((u) => ({
      code: u.code,
      name: u.name,
      type: u.type,
      district: u.district,
      successorCodes: [...(successors.get(u.code) ?? [])].sort(),
    }))
    .sort(byCode);
  for (const f of formerCommunes) {
    if (f.successorCodes.length === 0) {
      report.notMentioned.push(`${f.code} ${f.name} (${f.district})`);
    }
    if (f.successorCodes.length > 1) {
      report.split.push({
        former: `${f.code} ${f.name} (${f.district})`,
        into: f.successorCodes.map((c) => communeLabel.get(c)!),
      });
    }
  }

  const mentions = [...mentionsOf.values()].reduce((n, m) => n + m.length, 0);
  report.counts = {
    communes: communes.length,
    xa: communes.filter((c) => c.type === 'xa').length,
    phuong: communes.filter((c) => c.type === 'phuong').length,
    unchanged: report.counts.unchanged,
    formerCommunes: formerCommunes.length,
    formerMatched: formerCommunes.filter((f) => f.successorCodes.length > 0).length,
    formerSplit: report.split.length,
    formerNotMentioned: report.notMentioned.length,
    mentions,
    mentionsMatched: mentions - report.unmatched.length,
  };

  const data = CommuneDataSchema.parse({
    province: 'Tỉnh Thanh Hóa',
    effectiveFrom: '2025-07-01',
    sources: [
      {
        file: `${ADMIN_UNITS_DIR}/${BANDO_FILE}`,
        origin: 'sapnhap.bando.com.vn, 2025-07-17',
        rows: sources.bando.length,
      },
      {
        file: `${ADMIN_UNITS_DIR}/${CODES_FILE}`,
        origin: 'GSO administrative catalogue (via vietnamadminunits)',
        rows: sources.codes.length,
      },
      {
        file: `${ADMIN_UNITS_DIR}/${LEGACY_FILE}`,
        origin: 'danhmuchanhchinh.gso.gov.vn, 2025-07-18',
        rows: sources.legacy.length,
      },
    ],
    communes,
    formerCommunes,
  } satisfies CommuneData);
  return {
    data,
    report,
    files: {
      communes: JSON.stringify(data, null, 2) + '\n',
      report: JSON.stringify(report, null, 2) + '\n',
    },
  };
}

/** Reads `<sourceDir>/admin-units/`, builds the directory and (unless `dryRun`) writes it to `outDir`. */
export function runCommuneImport(options: {
  sourceDir: string;
  outDir: string;
  dryRun?: boolean;
}): CommuneImportResult {
  const result = buildCommuneDirectory(readAdminUnitSources(options.sourceDir));
  if (!options.dryRun) {
    mkdirSync(options.outDir, { recursive: true });
    // Write beside, then rename: a reader never sees a half-written file.
    for (const [file, text] of [
      [COMMUNES_FILE, result.files.communes],
      [IMPORT_REPORT_FILE, result.files.report],
    ] as const) {
      const target = path.join(options.outDir, file);
      const tmp = `${target}.tmp-${process.pid}`;
      writeFileSync(tmp, text);
      renameSync(tmp, target);
    }
  }
  return result;
}
