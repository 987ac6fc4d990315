/**
 * @module
 * Procedure facts for the mini-app (mounted under /api): `GET /procedures/search?q=` finds procedures
 * with the same retrieval as the chat, `GET /procedures/popular` lists the most used commune
 * procedures, `GET /procedures/:code` returns the catalogue record's facts. Facts are the record's own
 * text, never reworded; `resident` is the resident view (documents grouped, clean fees,
 * time with unit, agency) to the detail response.
 */
import { Router } from 'express';
import { z } from 'zod';
import {
  residentSummary,
  type Catalogue,
  type Procedure,
  type Retriever,
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

const SearchQuerySchema = z.object({
  q: z
    .string({ error: 'Vui lòng nhập nội dung cần tìm.' })
    .trim()
    .min(2, 'Vui lòng nhập ít nhất 2 ký tự.')
    .max(300, 'Tối đa 300 ký tự.'),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

/** Summary of a procedure in a list. */
function summary(p: Procedure) {
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
 * The record's facts a resident needs on the procedure page (record text, unchanged), plus `resident`:
 * the same view the chat answer gives (documents forms first with the other cases by condition, current
 * fee lines with ended rates left out, time lines with units, the record's agency), valid on `today`.
 */
export function procedureFacts(
  p: Procedure,
  snapshotDate: string,
  today: string = new Date().toISOString().slice(0, 10),
) {
  const form = getForm(p.code);
  return {
    ...summary(p),
    formTitle: form?.title ?? null,
    scope: p.scope,
    province: p.province,
    agencies: p.agencies,
    targetGroups: p.targetGroups,
    steps: p.steps,
    filingMethods: p.filingMethods,
    documentGroups: p.documentGroups,
    results: p.results,
    conditions: p.conditions,
    fullyOnline: p.fullyOnline,
    sourceUrl: p.sourceUrl,
    updatedAt: p.updatedAt,
    catalogueDate: snapshotDate,
    resident: residentSummary(p, { today, snapshotDate }),
  };
}
export type ProcedureFactsView = ReturnType<typeof procedureFacts>;

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

export function createProceduresRouter(directory: ProcedureDirectory, counters: Counters): Router {
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
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(procedureFacts(procedure, catalogue.snapshotDate));
  });

  return router;
}
