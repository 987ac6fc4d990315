import { Router } from 'express';
import type { Database } from '../store/database.js';

/** GET /healthz: 200 when the database answers, 503 otherwise. */
export function createHealthRouter(db: Database): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ ok: true, database: db.kind });
    } catch {
      res
        .status(503)
        .json({ error: { code: 'DATABASE_UNAVAILABLE', message: 'Cơ sở dữ liệu chưa sẵn sàng.' } });
    }
  });
  return router;
}
