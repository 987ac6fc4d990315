import type { Channel, LegalBasis } from '../procedure-schema.js';
import { cleanInline, inlineOrNull } from './text.js';

/** Official page of a procedure on the National Public Service Portal, from the portal's record id. */
export function portalUrl(id: string): string {
  return `https://dichvucong.gov.vn/thu-tuc-hanh-chinh/${id.trim()}`;
}

/** Scope from the catalogue/API type: national (STANDARD), province-specific (SPECIFIC), internal. */
export function scopeFromType(type: string): 'national' | 'provincial' | 'internal' | undefined {
  if (type === 'STANDARD') return 'national';
  if (type === 'SPECIFIC') return 'provincial';
  if (type === 'STANDARD_INTERNAL') return 'internal';
  return undefined;
}

const API_CHANNELS: Record<string, Channel> = {
  ONLINE: 'online',
  DIRECT: 'in_person',
  POSTAL: 'postal',
};

export function channelFromApi(method: string): Channel | undefined {
  return API_CHANNELS[method];
}

/** Printed channel names of the portal page and the BQP export. */
const TEXT_CHANNELS: Record<string, Channel> = {
  'trực tuyến': 'online',
  'trực tiếp': 'in_person',
  'dịch vụ bưu chính': 'postal',
};

export function channelFromText(text: string): Channel | undefined {
  return TEXT_CHANNELS[cleanInline(text).toLocaleLowerCase('vi')];
}

/** Calendar date in Vietnam (UTC+7, no DST) of an epoch-milliseconds or ISO timestamp. */
export function vietnamDate(value: number | string): string | null {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return null;
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Last part of a document number: the issuer ("NĐ-CP", "TT-BTP", "QĐ-TTg", "QH13", "PL-UBTVQH11"). */
export const LEGAL_ISSUER_SEGMENT = String.raw`(?:[\p{Lu}Đ]*QH\d{2}|TTg|[\p{Lu}Đ]+)`;
/** A legal document number ("123/2015/NĐ-CP", "60/2014/QH13", "08.a/2010/TT-BTP", "01/VBHN-BTC"). */
export const LEGAL_NUMBER_SOURCE = String.raw`\d+[a-z]?(?:\.[a-z\d]+)*\.? ?\/(?:\d{4}\/)?${LEGAL_ISSUER_SEGMENT}(?:[-_/] ?${LEGAL_ISSUER_SEGMENT})*`;
const LEGAL_NUMBER = new RegExp(`(?<![\\d./])${LEGAL_NUMBER_SOURCE}`, 'u');

/** Cleans a document-number field: keeps just the number when the field wraps it in words. */
export function cleanLegalNumber(code: string | null | undefined): string | null {
  const text = inlineOrNull(code);
  if (text === null) return null;
  const match = text.match(LEGAL_NUMBER);
  return match ? match[0].replace(/\s+/g, '') : text.replace(/[.;,\s]+$/, '');
}

/** Removes repeated legal bases (same number and title) keeping the source order. */
export function uniqueLegalBases(items: LegalBasis[]): LegalBasis[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.number ?? ''}|${item.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
