import type { ChatAction, ChatReply } from '../../../common/chat.js';
import { StatusLookupRefused, type PublicStatusLookup } from '../../../common/dossier-contracts.js';
import type { Logger } from '../../../common/logger.js';
import type { ChatLinkPort } from '../../../common/notify-link-contracts.js';
import type { ChannelName, Conversation } from '../../../conversation/types.js';
import { parseCommand } from './commands.js';
import { RateLimiter } from './rate-limiter.js';
import { formatDossierStatus } from '../../../common/dossier-status-text.js';
import { TEXTS } from './texts.js';

/*
 * The part every chat channel shares once the platform message is understood: per-person rate limit,
 * the slash commands, the dossier status lookup, and the call into the conversation core with a
 * polite fallback when it fails. Channels only translate platform messages in and render replies out.
 */

/** One thing a resident did, already stripped of platform details. */
export interface ResidentInput {
  channel: ChannelName;
  /** Conversation key (the chat for Telegram groups, the person otherwise). */
  userId: string;
  /** Rate-limit key: always the person, even in a group. */
  senderKey: string;
  text: string;
  action?: ChatAction;
}

/** Dependencies of {@link createResponder}. */
export interface ResponderDeps {
  conversation: Conversation;
  statusLookup?: PublicStatusLookup;
  logger: Logger;
  rateLimit: { burst: number; perMinute: number };
  /** Failed-guess guard for /hoso (the key is only 4 digits): lookups per person. */
  lookupLimit?: { burst: number; perMinute: number };
  /**
   * Where the "Nộp hồ sơ" button of an answer with an online form points (common/mini-app-link.ts);
   * null or absent: no button (no mini-app address is configured).
   */
  formUrl?: (procedureCode: string) => string | null;
  /** The API's chat linking: `/start <code>` (Telegram deep link) and `/lienket <code>`. */
  links?: ChatLinkPort;
}

/** Turns resident input into a reply; `null` means stay silent (rate limited after the warning). */
export type Responder = (input: ResidentInput) => Promise<ChatReply | null>;

/** A reply carrying only adapter text (commands, warnings). */
export function textReply(text: string): ChatReply {
  return { answered: false, text, procedure: null, choices: [], sources: [], hasMore: false };
}

const HOSO_ARGS = /^([A-Za-z0-9][A-Za-z0-9._/-]{2,39})\s+(\d{4})$/;

/** Creates the shared responder used by every channel adapter. */
export function createResponder(deps: ResponderDeps): Responder {
  const limiter = new RateLimiter(deps.rateLimit);
  const lookups = new RateLimiter(deps.lookupLimit ?? { burst: 5, perMinute: 1 });

  /** The button of an answer whose procedure has a form; without an address, no button at all. */
  function withFormUrl(reply: ChatReply): ChatReply {
    if (!reply.form) return reply;
    const url = deps.formUrl?.(reply.form.code) ?? null;
    if (url === null) {
      const { form: _dropped, ...rest } = reply;
      return rest;
    }
    return { ...reply, form: { ...reply.form, url } };
  }

  async function ask(input: ResidentInput, text: string): Promise<ChatReply> {
    try {
      return withFormUrl(
        await deps.conversation.handle({
          channel: input.channel,
          userId: input.userId,
          clientKey: `${input.channel}:${input.senderKey}`,
          text,
          ...(input.action ? { action: input.action } : {}),
        }),
      );
    } catch (error) {
      deps.logger.error('conversation failed', { channel: input.channel, error });
      return textReply(TEXTS.failure);
    }
  }

  async function status(input: ResidentInput, args: string): Promise<ChatReply> {
    if (!deps.statusLookup) return textReply(TEXTS.hosoUnavailable);
    const match = HOSO_ARGS.exec(args);
    if (!match) return textReply(TEXTS.hosoUsage);
    if (lookups.take(input.senderKey) !== 'allow') return textReply(TEXTS.hosoTooMany);
    try {
      const client = `${input.channel}:${input.senderKey}`;
      const found = await deps.statusLookup(match[1]!.toUpperCase(), match[2]!, client);
      return textReply(found ? formatDossierStatus(found) : TEXTS.hosoNotFound);
    } catch (error) {
      if (error instanceof StatusLookupRefused) return textReply(error.message);
      deps.logger.error('dossier status lookup failed', { channel: input.channel, error });
      return textReply(TEXTS.hosoBusy);
    }
  }

  /** A link code came from this chat: the API binds the chat to the resident who asked for it. */
  async function link(input: ResidentInput, code: string): Promise<ChatReply> {
    if (!deps.links || input.channel === 'web' || input.channel === 'cli') {
      return textReply(TEXTS.linkUnavailable);
    }
    if (!code) return textReply(TEXTS.linkUsage);
    try {
      const answer = await deps.links.link({
        channel: input.channel,
        chatId: input.userId,
        senderKey: input.senderKey,
        code,
      });
      return textReply(answer.reply);
    } catch (error) {
      deps.logger.error('chat link failed', { channel: input.channel, error });
      return textReply(TEXTS.failure);
    }
  }

  return async function respond(input) {
    const decision = limiter.take(`${input.channel}:${input.senderKey}`);
    if (decision === 'drop') return null;
    if (decision === 'warn') return textReply(TEXTS.tooFast);
    if (input.action) return ask(input, input.text);
    const command = parseCommand(input.text);
    if (!command) return ask(input, input.text);
    switch (command.name) {
      case 'start':
        // A deep link `t.me/<bot>?start=<code>` arrives as `/start <code>`.
        return command.args ? link(input, command.args) : textReply(TEXTS.welcome);
      case 'lienket':
        return link(input, command.args);
      case 'help':
      case 'trogiup':
        return textReply(TEXTS.help);
      case 'thutuc':
        return command.args ? ask(input, command.args) : textReply(TEXTS.thutucUsage);
      case 'hoso':
        return status(input, command.args);
      default:
        return textReply(TEXTS.unknownCommand);
    }
  };
}
