/**
 * @module
 * Form definitions for the Mini App: `GET /forms` lists them, `GET /forms/:procedureCode` returns one
 * (sections, fields, documents, pre-fill hints and a JSON Schema). Public, cacheable.
 */
import { Router } from 'express';
import { toPublicForm, type PublicForm } from '../../knowledge/forms/public-form.js';
import { FORMS, getForm } from '../../knowledge/forms/registry.js';
import { notFound } from '../errors.js';
import type { ProcedureLookup } from '../procedure-lookup.js';

export function createFormsRouter(catalogue: ProcedureLookup): Router {
  const router = Router();
  const cache = new Map<string, PublicForm>();
  const publicForm = (code: string) => {
    let form = cache.get(code);
    if (!form) {
      const definition = getForm(code);
      if (!definition) return undefined;
      form = toPublicForm(definition);
      cache.set(code, form);
    }
    return form;
  };

  router.get('/forms', async (_req, res) => {
    const facts = await Promise.all(FORMS.map((f) => catalogue(f.procedureCode)));
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json({
      items: FORMS.map((f, i) => {
        const procedure = facts[i];
        return {
          procedureCode: f.procedureCode,
          slug: f.slug,
          title: f.title,
          template: f.template,
          /** False when the procedure is missing from the catalogue: submissions would be refused. */
          available: procedure !== undefined,
          processingWorkingDays: procedure?.processingWorkingDays ?? null,
        };
      }),
    });
  });

  router.get('/forms/:procedureCode', (req, res) => {
    const form = publicForm(String(req.params.procedureCode));
    if (!form) throw notFound('Chưa có tờ khai trực tuyến cho thủ tục này.');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(form);
  });
  return router;
}
