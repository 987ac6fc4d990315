/**
 * @module
 * Reads the three public admin-unit files of `../shared/data/admin-units/` (see its SOURCE.md) into
 * typed rows. Column names are checked so a changed file fails loudly instead of importing blanks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

export const ADMIN_UNITS_DIR = 'admin-units';
export const BANDO_FILE = 'thanh-hoa-2025-communes.bando.csv';
export const CODES_FILE = 'thanh-hoa-2025-communes.codes.csv';
export const LEGACY_FILE = 'thanh-hoa-legacy-communes.gso.csv';

/** A new unit as published on sapnhap.bando.com.vn (no official code there). */
export interface BandoRow {
  type: string;
  name: string;
  centre: string;
  areaKm2: string;
  population: string;
  lon: string;
  lat: string;
  /** Free text: the old units merged into it, or "Không sáp nhập". */
  mergedFrom: string;
}

/** A new unit with its official GSO code. */
export interface CodeRow {
  type: string;
  name: string;
  code: string;
  lon: string;
  lat: string;
  areaKm2: string;
}

/** A unit of the GSO catalogue before the merger. */
export interface LegacyRow {
  code: string;
  /** With its type word, e.g. "Phường Hàm Rồng". */
  fullName: string;
  type: string;
  district: string;
}

export interface AdminUnitSources {
  bando: BandoRow[];
  codes: CodeRow[];
  legacy: LegacyRow[];
}

function readCsv(file: string, columns: readonly string[]): Record<string, string>[] {
  const rows = parse(readFileSync(file, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  const first = rows[0];
  if (!first) throw new Error(`${path.basename(file)}: no rows`);
  const missing = columns.filter((c) => !(c in first));
  if (missing.length > 0) {
    throw new Error(`${path.basename(file)}: missing column(s) ${missing.join(', ')}`);
  }
  return rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.normalize('NFC')])),
  );
}

/** Reads the files from `<sourceDir>/admin-units/`. */
export function readAdminUnitSources(sourceDir: string): AdminUnitSources {
  const dir = path.join(sourceDir, ADMIN_UNITS_DIR);
  const bando = readCsv(path.join(dir, BANDO_FILE), [
    'loai',
    'tenhc',
    'trungtamhc',
    'dientichkm2',
    'dansonguoi',
    'kinhdo',
    'vido',
    'truocsapnhap',
  ]).map((r) => ({
    type: r.loai!,
    name: r.tenhc!,
    centre: r.trungtamhc!,
    areaKm2: r.dientichkm2!,
    population: r.dansonguoi!,
    lon: r.kinhdo!,
    lat: r.vido!,
    mergedFrom: r.truocsapnhap!,
  }));
  const codes = readCsv(path.join(dir, CODES_FILE), [
    'wardShort',
    'wardType',
    'wardCode',
    'wardLat',
    'wardLon',
    'wardAreaKm2',
  ]).map((r) => ({
    type: r.wardType!,
    name: r.wardShort!,
    code: r.wardCode!,
    lon: r.wardLon!,
    lat: r.wardLat!,
    areaKm2: r.wardAreaKm2!,
  }));
  const legacy = readCsv(path.join(dir, LEGACY_FILE), ['Mã', 'Tên', 'Cấp', 'Quận Huyện']).map(
    (r) => ({ code: r['Mã']!, fullName: r['Tên']!, type: r['Cấp']!, district: r['Quận Huyện']! }),
  );
  return { bando, codes, legacy };
}
