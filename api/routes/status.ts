/**
 * @module
 * `GET /status?reference=…&phone4=…` (under /api): public lookup without sign-in. Needs the full
 * reference and the last 4 digits of the phone; answers status and dates only; the same 404 whether
 * the reference or the digits are wrong; rate limited per client IP.
 */
import { Router } from 'express';
import { z } from 'zod';
import { StatusLookupRefused, type PublicStatusLookup } from '../../common/dossier-contracts.js';
import { HttpError } from '../errors.js';
import { clientKeyOf, tooMany } from '../middleware/rate-limit.js';
import { parseOr400 } from '../middleware/validate.js';

const QuerySchema = z.object({
  reference: z
    .string({ error: 'Vui lòng nhập mã hồ sơ.' })
    .min(1, 'Vui lòng nhập mã hồ sơ.')
    .max(20, 'Mã hồ sơ gồm 8 ký tự.'),
  phone4: z
    .string({ error: 'Vui lòng nhập 4 số cuối số điện thoại.' })
    .regex(/^\d{4}$/, 'Vui lòng nhập đúng 4 số cuối số điện thoại đã khai khi nộp hồ sơ.'),
});

/** The lookup given is the guarded one: it limits per client and locks a reference after wrong tries. */
export function createStatusRouter(lookup: PublicStatusLookup): Router {
  const router = Router();
  router.get('/status', async (req, res) => {
    const { reference, phone4 } = parseOr400(QuerySchema, req.query);
    let status;
    try {
      status = await lookup(reference, phone4, clientKeyOf(req));
    } catch (error) {
      if (error instanceof StatusLookupRefused)
        throw tooMany(error.message, error.retryAfterSeconds * 1000);
      throw error;
    }
    if (!status) {
      throw new HttpError(
        404,
        'NOT_FOUND',
        'Không tìm thấy hồ sơ khớp với mã hồ sơ và 4 số cuối điện thoại này. Vui lòng kiểm tra lại.',
      );
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(status);
  });
  return router;
}
