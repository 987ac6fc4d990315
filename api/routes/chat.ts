import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { ChatAction, ChatReply } from '../../common/chat.js';

/** Answers one chat turn; wired by the entry point to the conversation core. */
export type ChatHandler = (input: {
  sessionId: string;
  text: string;
  action?: ChatAction;
}) => Promise<ChatReply>;

/** Longest text accepted in one chat request body; the core reads only the first 500 characters. */
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

function chatError(res: Response, status: number, code: string, message: string, fields?: object) {
  res.status(status).json({ error: { code, message, ...(fields ? { fields } : {}) } });
}

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

/** POST /chat (mounted under /api): `{ sessionId, text, action? }` → ChatReply. */
export function createChatRouter(handle: ChatHandler): Router {
  const router = Router();
  router.post(
    '/chat',
    express.json({ limit: '64kb' }),
    async (req: Request, res: Response, next: NextFunction) => {
      const parsed = ChatRequestSchema.safeParse(req.body ?? {});
      if (!parsed.success) {
        chatError(
          res,
          400,
          'INVALID_REQUEST',
          'Yêu cầu không hợp lệ.',
          fieldErrors(parsed.error.issues),
        );
        return;
      }
      try {
        const { sessionId, text, action } = parsed.data;
        const reply = await handle({ sessionId, text, ...(action ? { action } : {}) });
        res.json(reply);
      } catch (error) {
        next(error);
      }
    },
  );
  // Body-parser failures (malformed JSON, too large) on this route get the same error shape.
  router.use('/chat', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (status === 400)
      return chatError(res, 400, 'MALFORMED_JSON', 'Nội dung gửi lên không phải JSON hợp lệ.');
    if (status === 413) return chatError(res, 413, 'TOO_LARGE', 'Tin nhắn quá dài (tối đa 64 KB).');
    next(error);
  });
  return router;
}
