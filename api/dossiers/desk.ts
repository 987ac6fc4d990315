/**
 * @module
 * Which desk a dossier's texts name: the one-stop desk of the dossier's commune from the commune
 * directory ("Bộ phận Một cửa UBND xã Hoằng Giang" and its administrative-centre address), or the
 * configured generic desk name for a commune code the directory does not know (rows older than it).
 */
import { communeDeskName } from '../../knowledge/index.js';
import type { DossierContext } from './context.js';

/** The receiving desk as printed on receipts and apology letters. */
export interface DeskLabel {
  name: string;
  /** Where the commune's People's Committee works (its government site), when known. */
  address: string | null;
}

export function deskOf(
  ctx: Pick<DossierContext, 'communes' | 'deskName'>,
  communeCode: string,
): DeskLabel {
  const commune = ctx.communes.byCode(communeCode);
  return commune
    ? { name: communeDeskName(commune), address: commune.officeAddress }
    : { name: ctx.deskName, address: null };
}
