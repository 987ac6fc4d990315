/**
 * @module
 * The government site of a commune. Since the merger many communes keep two sites and the source says
 * which is which: "Trụ sở xã Quảng Trạch (đảng, đoàn thể) và Trụ sở xã Quảng Yên (chính quyền)". A
 * resident files at the People's Committee, i.e. the "(chính quyền)" site. Only the source's own
 * words are kept (the part naming that site, bracket cut); otherwise the whole text is the address.
 */

const GOVERNMENT = /\s*\(\s*chính quyền\s*\)/iu;
/** What ends the previous site's description: its bracket, a semicolon or "và". */
const PREVIOUS_SITE_END = /^.*(?:\)|;|\svà\s)/su;

/** The "(chính quyền)" site named in `centre`, or `centre` itself when it names only one site. */
export function officeAddressOf(centre: string | null): string | null {
  if (centre === null) return null;
  const marker = GOVERNMENT.exec(centre);
  if (!marker) return centre;
  const before = centre.slice(0, marker.index).replace(PREVIOUS_SITE_END, '').trim();
  return before === '' ? centre : before;
}
