/**
 * @module
 * Form definitions for the Mini App: `GET /forms` lists them, `GET /forms/:procedureCode` returns one
 * (sections, fields, documents, pre-fill hints and a JSON Schema). Public, cacheable.
 * `POST /forms/:procedureCode/check` runs the same validation as a submission, without storing anything.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import { validateForm } from '../../knowledge/forms/validate-form.js';
import { parseOr400 } from '../middleware/validate.js';
import { toPublicForm, type PublicForm } from '../../knowledge/forms/public-form.js';
import { FORMS, getForm } from '../../knowledge/forms/registry.js';
import { notFound } from '../errors.js';
import type { ProcedureLookup } from '../procedure-lookup.js';

/** `POST /forms/:procedureCode/check`: answers, and the document codes that have a file. */
export const CheckSchema = z.object({
  formData: z.record(z.string(), z.unknown()),
  /** Document codes that have a file; omitted = do not check attachments. */
  documents: z.array(z.string().max(64)).max(50).optional(),
});

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

  // The mini-app checks answers with the API's own rules before uploading any file.
  router.post('/forms/:procedureCode/check', express.json({ limit: '64kb' }), (req, res) => {
    const definition = getForm(String(req.params.procedureCode));
    if (!definition) throw notFound('Chưa có tờ khai trực tuyến cho thủ tục này.');
    const body = parseOr400(CheckSchema, req.body);
    const result = validateForm(definition, body.formData, {
      ...(body.documents ? { attachedDocumentCodes: new Set(body.documents) } : {}),
    });
    res.json(result.ok ? { ok: true, fields: {} } : { ok: false, fields: result.fields });
  });

  router.get('/forms/:procedureCode', (req, res) => {
    const form = publicForm(String(req.params.procedureCode));
    if (!form) throw notFound('Chưa có tờ khai trực tuyến cho thủ tục này.');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(form);
  });
  return router;
}
