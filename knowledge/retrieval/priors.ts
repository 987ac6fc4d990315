/**
 * @module Ranking sense applied after fusion: a resident files at the commune, lives in our province,
 * and more often than not asks about a common procedure. Priors are small next to a clear textual
 * match, except that other provinces' own procedures are pushed far down (they do not apply here).
 */
import { foldMarks } from '../text/normalize.js';

/** What ranking needs to know about a procedure (kept in the index, so no catalogue load at query time). */
export interface DocMeta {
  code: string;
  name: string;
  levels: string[];
  scope: 'national' | 'provincial' | 'internal';
  province: string | null;
  popularity: number | null;
  detail: 'full' | 'listed';
  /** Filed by citizens (target groups include "Công dân Việt Nam"), not only by organisations. */
  citizen: boolean;
}

export interface PriorSettings {
  /** Province we serve; provincial procedures of any other province are demoted. */
  homeProvince: string;
  communeBonus: number;
  /** For procedures with no commune variant level: a province-level one beats a central one. */
  provinceBonus: number;
  citizenBonus: number;
  detailBonus: number;
  popularityWeight: number;
  otherProvincePenalty: number;
  internalPenalty: number;
}

export const DEFAULT_PRIORS: PriorSettings = {
  homeProvince: 'Thanh Hóa',
  communeBonus: 0.04,
  provinceBonus: 0.02,
  citizenBonus: 0.03,
  detailBonus: 0.01,
  popularityWeight: 0.03,
  otherProvincePenalty: 1.0,
  internalPenalty: 0.15,
};

/** Precomputes each procedure's additive prior (one number per procedure). */
export function computePriors(docs: readonly DocMeta[], settings: PriorSettings): Float32Array {
  const home = foldMarks(settings.homeProvince).toLowerCase();
  const maxLog = Math.max(1, ...docs.map((d) => Math.log1p(d.popularity ?? 0)));
  return Float32Array.from(docs, (d) => {
    let prior = 0;
    if (d.levels.includes('xa')) prior += settings.communeBonus;
    else if (d.levels.includes('tinh')) prior += settings.provinceBonus;
    if (d.detail === 'full') prior += settings.detailBonus;
    if (d.citizen) prior += settings.citizenBonus;
    prior += (settings.popularityWeight * Math.log1p(d.popularity ?? 0)) / maxLog;
    if (d.scope === 'internal') prior -= settings.internalPenalty;
    if (d.scope === 'provincial') {
      const province = foldMarks(d.province ?? '').toLowerCase();
      if (!province.includes(home)) prior -= settings.otherProvincePenalty;
    }
    return prior;
  });
}
