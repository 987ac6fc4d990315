import express, {
  Router,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { z } from 'zod';
import type { ChatAction, ChatReply } from '../../common/chat.js';
import { invalid } from '../errors.js';
import type { Counters } from '../guard/counters.js';
import { clientKeyOf, rateLimit } from '../middleware/rate-limit.js';

/**
 * Answers one chat turn; wired by the entry point to the conversation core. `client` is the caller's
 * key ("ip:…", honouring TRUST_PROXY): the session id is chosen by the client, so limits never use it.
 */
export type ChatHandler = (input: {
  sessionId: string;
  text: string;
  action?: ChatAction;
  client?: string;
}) => Promise<ChatReply>;

/** The per-client request limit of the chat route. */
export interface ChatLimits {
  counters: Counters;
  perMinute: number;
}

/** Longest text accepted in one chat request body; the core reads at most 4,000 characters. */
const MAX_TEXT = 20_000;

const ChatRequestSchema = z.object({
  sessionId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
  text: z.string().max(MAX_TEXT).default(''),
  action: z.object({ type: z.enum(['pick', 'more']), code: z.string().min(1).max(40) }).optional(),
});

/** Field-level Vietnamese messages for a bad chat request. */
function fieldErrors(issues: z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'body');
    fields[key] ??=
      key === 'sessionId'
        ? 'Mã phiên (sessionId) phải là chuỗi 1–100 ký tự chữ, số, "-" hoặc "_".'
        : key === 'text'
          ? `Nội dung phải là chuỗi chữ, tối đa ${MAX_TEXT} ký tự.`
          : 'Giá trị không hợp lệ.';
  }
  return fields;
}

/**
 * POST /chat (mounted under /api): `{ sessionId, text, action? }` → ChatReply. The app always passes
 * `limits`; without them the route has no rate limit (only `npm run bench -- chat` does that, to show
 * what the limit costs a normal conversation).
 */
export function createChatRouter(handle: ChatHandler, limits?: ChatLimits): Router {
  const router = Router();
  const limit: RequestHandler = limits
    ? rateLimit({
        counters: limits.counters,
        name: 'chat',
        limit: limits.perMinute,
        windowMs: 60_000,
        message: 'Bạn gửi tin nhắn quá nhanh. Vui lòng đợi {seconds} giây rồi gửi tiếp.',
      })
    : (_req, _res, next) => next();
  router.post(
    '/chat',
    limit,
    express.json({ limit: '64kb' }),
    async (req: Request, res: Response, next: NextFunction) => {
      const parsed = ChatRequestSchema.safeParse(req.body ?? {});
      // Errors (bad fields here, malformed or too large bodies from express.json) go to the app's one
      // error handler, so the chat answers in the same envelope and codes as the rest of the API.
      if (!parsed.success) return next(invalid(fieldErrors(parsed.error.issues)));
      try {
        const { sessionId, text, action } = parsed.data;
        const reply = await handle({
          sessionId,
          text,
          client: clientKeyOf(req),
          ...(action ? { action } : {}),
        });
        res.json(reply);
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}
