/**
 * @module
 * Matches the old units named in `truocsapnhap` to the GSO list of units before the merger, by type +
 * name within the old district. A name shared by several old districts ("Xã Minh Sơn" in Ngọc Lặc and
 * in Triệu Sơn) is settled, in this order, by: the district written in brackets; the new unit's code
 * (a new unit keeps the code of one of its old units); the district of its unambiguous fellow members;
 * elimination (the other candidates are accounted for elsewhere). Whatever stays open is reported.
 */
import type { FormerCommuneType } from '../commune-schema.js';
import { exactKey, foldedKey, nameSyllables } from '../name-key.js';
import type { Mention } from './merged-from.js';

/** An old unit from the GSO list. */
export interface LegacyUnit {
  code: string;
  name: string;
  type: FormerCommuneType;
  district: string;
}

/** A new unit with the old units its text names. */
export interface NewUnitMentions {
  code: string;
  displayName: string;
  mentions: Mention[];
}

/** How an ambiguous name was settled (for the report, so a reviewer can check it). */
export type Resolution = 'district-in-text' | 'new-code' | 'fellow-members' | 'elimination';

export interface MatchReport {
  /** Matched only when marks are ignored (spelling differs between the lists). */
  matchedIgnoringMarks: { commune: string; mention: string; legacy: string }[];
  /** Names that fit several old units and how the importer chose. */
  disambiguated: {
    commune: string;
    mention: string;
    chosen: string;
    candidates: string[];
    by: Resolution;
  }[];
  /** Names that could not be matched, with the reason. */
  unmatched: { commune: string; mention: string; reason: string; candidates: string[] }[];
}

export interface MatchResult {
  /** New unit code → matched old unit codes, in the order the source lists them. */
  links: Map<string, string[]>;
  report: MatchReport;
}

const label = (u: LegacyUnit) => `${u.code} ${u.name} (${u.district})`;
const districtKey = (d: string) => exactKey(nameSyllables(d));

/** Matches every mention of every new unit. */
export function matchFormerUnits(
  units: readonly NewUnitMentions[],
  legacy: readonly LegacyUnit[],
): MatchResult {
  const byExact = new Map<string, LegacyUnit[]>();
  const byFolded = new Map<string, LegacyUnit[]>();
  for (const u of legacy) {
    const words = nameSyllables(u.name);
    for (const [map, key] of [
      [byExact, `${u.type}|${exactKey(words)}`],
      [byFolded, `${u.type}|${foldedKey(words)}`],
    ] as const) {
      const list = map.get(key) ?? [];
      list.push(u);
      map.set(key, list);
    }
  }
  const report: MatchReport = { matchedIgnoringMarks: [], disambiguated: [], unmatched: [] };

  // Candidates per mention, narrowed by a district written in brackets.
  type Slot = {
    unit: NewUnitMentions;
    mention: Mention;
    candidates: LegacyUnit[];
    chosen: LegacyUnit | null;
    by: Resolution | null;
  };
  const slots: Slot[] = [];
  for (const unit of units) {
    for (const mention of unit.mentions) {
      let candidates = byExact.get(`${mention.type}|${exactKey(mention.name)}`) ?? [];
      if (candidates.length === 0) {
        candidates = byFolded.get(`${mention.type}|${foldedKey(mention.name)}`) ?? [];
        if (candidates.length === 1) {
          report.matchedIgnoringMarks.push({
            commune: unit.displayName,
            mention: mention.raw,
            legacy: label(candidates[0]!),
          });
        }
      }
      let by: Resolution | null = null;
      if (mention.district !== null && candidates.length > 0) {
        const key = districtKey(mention.district);
        candidates = candidates.filter((c) => districtKey(c.district) === key);
        by = 'district-in-text';
      }
      const slot: Slot = { unit, mention, candidates, chosen: null, by: null };
      if (candidates.length === 1) {
        slot.chosen = candidates[0]!;
        slot.by = by;
      }
      slots.push(slot);
    }
  }

  const open = () => slots.filter((s) => s.chosen === null && s.candidates.length > 1);
  const choose = (s: Slot, c: LegacyUnit, by: Resolution) => {
    s.chosen = c;
    s.by = by;
  };

  // The new unit usually keeps the code of one of its old units.
  for (const s of open()) {
    const same = s.candidates.find((c) => c.code === s.unit.code);
    if (same) choose(s, same, 'new-code');
  }
  // Repeat the weaker rules until nothing changes: each choice can settle another name.
  for (let changed = true; changed;) {
    changed = false;
    for (const s of open()) {
      const votes = new Map<string, number>();
      for (const o of slots) {
        if (o.unit === s.unit && o !== s && o.chosen) {
          votes.set(o.chosen.district, (votes.get(o.chosen.district) ?? 0) + 1);
        }
      }
      const scored = s.candidates.map((c) => ({ c, v: votes.get(c.district) ?? 0 }));
      const best = Math.max(...scored.map((x) => x.v));
      const top = scored.filter((x) => x.v === best);
      if (best > 0 && top.length === 1) {
        choose(s, top[0]!.c, 'fellow-members');
        changed = true;
      }
    }
    if (changed) continue;
    for (const s of open()) {
      const taken = new Set(slots.filter((o) => o.chosen && o !== s).map((o) => o.chosen!.code));
      const free = s.candidates.filter((c) => !taken.has(c.code));
      if (free.length === 1) {
        choose(s, free[0]!, 'elimination');
        changed = true;
        break; // re-run the stronger rule first
      }
    }
  }

  const links = new Map<string, string[]>();
  for (const unit of units) links.set(unit.code, []);
  for (const s of slots) {
    if (s.chosen) {
      links.get(s.unit.code)!.push(s.chosen.code);
      const all = legacyWithName(s.mention, byExact, byFolded);
      if (all.length > 1) {
        report.disambiguated.push({
          commune: s.unit.displayName,
          mention: s.mention.raw,
          chosen: label(s.chosen),
          candidates: all.map(label),
          by: s.by!,
        });
      }
      continue;
    }
    report.unmatched.push({
      commune: s.unit.displayName,
      mention: s.mention.raw,
      reason:
        s.candidates.length === 0
          ? s.mention.district !== null
            ? `không có đơn vị cùng loại và tên trong ${s.mention.district}`
            : 'không có đơn vị cùng loại và tên trong danh mục cũ'
          : 'trùng tên ở nhiều huyện, không xác định được huyện',
      candidates: s.candidates.map(label),
    });
  }
  return { links, report };
}

function legacyWithName(
  m: Mention,
  byExact: Map<string, LegacyUnit[]>,
  byFolded: Map<string, LegacyUnit[]>,
): LegacyUnit[] {
  return (
    byExact.get(`${m.type}|${exactKey(m.name)}`) ??
    byFolded.get(`${m.type}|${foldedKey(m.name)}`) ??
    []
  );
}
