/**
 * @module
 * The knowledge-gap list for officers (under /api): `GET /officer/gaps?limit=&all=true` (most
 * frequent first; questions are stored redacted and without who asked) and
 * `POST /officer/gaps/:id/handled`. The officer console (issue #14) reads these.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { OfficerActor } from '../dossiers/context.js';
import { notFound } from '../errors.js';
import { listGaps, markGapHandled } from '../gaps/gap-store.js';
import { actorOf, requireActor, type AuthOptions } from '../middleware/auth.js';
import { parseOr400 } from '../middleware/validate.js';
import type { Queryable } from '../store/database.js';

const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  all: z.enum(['true', 'false']).optional(),
});
const IdParam = z.object({ id: z.coerce.number().int().positive() });

export function createGapsRouter(db: Queryable, auth: AuthOptions): Router {
  const router = Router();
  const officerOnly = requireActor(auth, ['officer']);
  router.get('/officer/gaps', officerOnly, async (req, res) => {
    const { limit, all } = parseOr400(ListQuery, req.query);
    res.json({ items: await listGaps(db, { limit, includeHandled: all === 'true' }) });
  });
  router.post('/officer/gaps/:id/handled', officerOnly, async (req, res) => {
    const { id } = parseOr400(IdParam, req.params);
    const actor = actorOf(res) as OfficerActor;
    if (!(await markGapHandled(db, id, actor.username)))
      throw notFound('Không tìm thấy câu hỏi này trong danh sách.');
    res.json({ id, handled: true });
  });
  return router;
}
