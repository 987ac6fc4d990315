import { Router } from 'express';
import type { ChatAction, ChatReply } from '../../common/chat.js';

/** Answers one chat turn; wired by the entry point to the conversation core. */
export type ChatHandler = (input: {
  sessionId: string;
  text: string;
  action?: ChatAction;
}) => Promise<ChatReply>;

/** POST /chat (mounted under /api). Placeholder until the conversation core lands. */
export function createChatRouter(handle: ChatHandler): Router {
  const router = Router();
  void handle;
  return router;
}
