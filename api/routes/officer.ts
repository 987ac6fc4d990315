/**
 * @module
 * Officer-only routes (under /api/officer): who am I, and the late-dossier apologies of my commune
 * (list, confirm with an optional new date and reason).
 */
import express, { Router } from 'express';
import { z } from 'zod';
import { ConfirmApologySchema } from '../../common/dossier-schema.js';
import type { DossierContext, OfficerActor } from '../dossiers/context.js';
import { confirmApology } from '../dossiers/late-dossiers.js';
import { actorOf, requireActor, type AuthOptions } from '../middleware/auth.js';
import { parseOr400 } from '../middleware/validate.js';
import { listApologies, type ApologyRow } from '../store/apology-repository.js';

function apologyView(a: ApologyRow & { reference: string }) {
  return {
    id: a.id,
    reference: a.reference,
    status: a.state,
    originalDate: a.original_date,
    proposedDate: a.proposed_date,
    letter: a.letter,
    createdAt: a.created_at.toISOString(),
    confirmedAt: a.confirmed_at ? a.confirmed_at.toISOString() : null,
    confirmedBy: a.confirmed_by,
  };
}

export function createOfficerRouter(ctx: DossierContext, auth: AuthOptions): Router {
  const router = Router();
  const officerOnly = requireActor(auth, ['officer']);

  router.get('/officer/me', officerOnly, (_req, res) => {
    const actor = actorOf(res) as OfficerActor;
    res.json({
      id: actor.officerId,
      username: actor.username,
      communeCode: actor.communeCode,
      role: actor.role,
    });
  });

  router.get('/officer/apologies', officerOnly, async (req, res) => {
    const actor = actorOf(res) as OfficerActor;
    const { state } = parseOr400(
      z.object({ state: z.enum(['pending', 'confirmed']).optional() }),
      req.query,
    );
    const rows = await listApologies(ctx.store.db, {
      communeCode: actor.communeCode,
      ...(state ? { state } : {}),
    });
    res.json({ items: rows.map(apologyView) });
  });

  router.post(
    '/officer/apologies/:id/confirm',
    officerOnly,
    express.json({ limit: '16kb', type: 'application/json' }),
    async (req, res) => {
      const actor = actorOf(res) as OfficerActor;
      const body = parseOr400(ConfirmApologySchema, req.body ?? {});
      const { apology } = await confirmApology(ctx, actor, String(req.params.id), body);
      res.json(apologyView(apology));
    },
  );
  return router;
}
