/**
 * @module
 * Procedure facts for the mini-app (mounted under /api): `GET /procedures/search?q=` finds procedures
 * with the same retrieval as the chat, `GET /procedures/popular` lists the most used commune
 * procedures, `GET /procedures/:code[?commune=<code>]` returns `{procedure, resident}`: the record's
 * facts and the resident view (common/procedure-contract.ts). Facts are the record's own text, never
 * reworded.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { ProcedurePage, ProcedureSummary } from '../../common/procedure-contract.js';
import {
  communeInSentence,
  residentSummary,
  type Catalogue,
  type CommuneDirectory,
  type Procedure,
  type Retriever,
  type SummaryCommune,
} from '../../knowledge/index.js';
import { FORMS, getForm } from '../../knowledge/forms/registry.js';
import { notFound } from '../errors.js';
import { parseOr400 } from '../middleware/validate.js';
import type { Counters } from '../guard/counters.js';
import { rateLimit } from '../middleware/rate-limit.js';

/** What the routes need from the knowledge layer; may resolve late (the index builds in the background). */
export interface ProcedureDirectory {
  catalogue: () => Promise<Pick<Catalogue, 'get' | 'procedures' | 'snapshotDate'>>;
  retriever: () => Promise<Retriever>;
}

export const SearchQuerySchema = z.object({
  q: z
    .string({ error: 'Vui lòng nhập nội dung cần tìm.' })
    .trim()
    .min(2, 'Vui lòng nhập ít nhất 2 ký tự.')
    .max(300, 'Tối đa 300 ký tự.'),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

/** Summary of a procedure in a list. */
function summary(p: Procedure): ProcedureSummary {
  const form = getForm(p.code);
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    levels: p.levels,
    hasForm: form !== undefined,
  };
}

/**
 * A procedure's page: `procedure`, the record's facts a resident needs (record text, unchanged), and
 * `resident`, the same view the chat answer gives (forms first, then documents to submit and to show;
 * the other cases grouped by their condition; officers' notes apart; current fee lines with ended rates
 * left out; time lines with units; the record's agency, and the resident's commune office when known),
 * valid on `today`.
 */
export function procedureFacts(
  p: Procedure,
  snapshotDate: string,
  today: string = new Date().toISOString().slice(0, 10),
  commune?: SummaryCommune,
): ProcedurePage {
  const form = getForm(p.code);
  return {
    procedure: {
      ...summary(p),
      formTitle: form?.title ?? null,
      scope: p.scope,
      province: p.province,
      agencies: p.agencies,
      targetGroups: p.targetGroups,
      steps: p.steps,
      results: p.results,
      conditions: p.conditions,
      fullyOnline: p.fullyOnline,
      sourceUrl: p.sourceUrl,
      updatedAt: p.updatedAt,
      catalogueDate: snapshotDate,
    },
    resident: residentSummary(p, { today, snapshotDate, ...(commune ? { commune } : {}) }),
  };
}

/** Codes of the commune procedures the home screen lists: those with an online form first, then the most used. */
function popular(procedures: readonly Procedure[], limit: number): Procedure[] {
  const byCode = new Map(procedures.map((p) => [p.code, p]));
  const withForm = FORMS.map((f) => byCode.get(f.procedureCode)).filter(
    (p): p is Procedure => p !== undefined,
  );
  const seen = new Set(withForm.map((p) => p.code));
  const others = procedures
    .filter((p) => !seen.has(p.code) && p.levels.includes('xa') && (p.popularity ?? 0) > 0)
    .sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0));
  return [...withForm, ...others].slice(0, limit);
}

export const CommuneQuerySchema = z.object({
  commune: z
    .string()
    .regex(/^\d{5}$/, 'Mã xã/phường gồm 5 chữ số.')
    .optional(),
});

export function createProceduresRouter(
  directory: ProcedureDirectory,
  counters: Counters,
  communes?: Pick<CommuneDirectory, 'byCode'>,
): Router {
  const router = Router();
  // Search runs the retriever (a few ms); a per-client cap keeps one client from hogging the CPU.
  const searchLimit = rateLimit({
    counters,
    name: 'procedure-search',
    limit: 120,
    windowMs: 60_000,
  });

  router.get('/procedures/search', searchLimit, async (req, res) => {
    const { q, limit } = parseOr400(SearchQuerySchema, req.query);
    const [retriever, catalogue] = await Promise.all([
      directory.retriever(),
      directory.catalogue(),
    ]);
    const result = await retriever.search(q, { k: limit });
    const items = result.hits
      .map((hit) => catalogue.get(hit.code))
      .filter((p): p is Procedure => p !== undefined)
      .map(summary);
    res.json({ query: q, answered: result.answered, items });
  });

  router.get('/procedures/popular', async (_req, res) => {
    const catalogue = await directory.catalogue();
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json({ items: popular(catalogue.procedures, 10).map(summary) });
  });

  router.get('/procedures/:code', async (req, res) => {
    const code = String(req.params.code);
    if (!/^[0-9A-Za-z._-]{1,40}$/.test(code)) throw notFound('Không tìm thấy thủ tục này.');
    const catalogue = await directory.catalogue();
    const procedure = catalogue.get(code);
    if (!procedure) throw notFound('Không tìm thấy thủ tục này.');
    // `?commune=` (the resident's commune, when the app knows it) names that commune's desk and office.
    const { commune: communeCode } = parseOr400(CommuneQuerySchema, req.query);
    const found = communeCode ? communes?.byCode(communeCode) : undefined;
    const commune = found
      ? { code: found.code, name: communeInSentence(found), officeAddress: found.officeAddress }
      : undefined;
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(procedureFacts(procedure, catalogue.snapshotDate, undefined, commune));
  });

  return router;
}
