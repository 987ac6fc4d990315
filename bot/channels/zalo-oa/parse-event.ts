import { z } from 'zod';

/*
 * OA webhook events (platforms.md §2.3). Ids are 64-bit and must stay strings; every field is
 * optional and tolerated when missing or oddly typed.
 */

const id = z.union([z.string(), z.number()]).transform(String);
const opt = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const Party = z.looseObject({ id: opt(id) });

const EventSchema = z.looseObject({
  app_id: opt(id),
  event_name: opt(z.string()),
  timestamp: opt(id),
  user_id_by_app: opt(id),
  sender: opt(Party),
  recipient: opt(Party),
  follower: opt(Party),
  message: opt(z.looseObject({ text: opt(z.string()), msg_id: opt(id) })),
});

/** An OA event reduced to what the adapter needs. */
export interface OaEvent {
  appId: string | undefined;
  eventName: string;
  timestamp: string | undefined;
  /** The resident's OA-scoped id (what replies are addressed to). */
  userId: string | undefined;
  text: string | undefined;
  msgId: string | undefined;
}

/** Reads an event body; undefined when it is not an object at all. */
export function parseOaEvent(body: unknown): OaEvent | undefined {
  const parsed = EventSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  return {
    appId: e.app_id,
    eventName: e.event_name ?? 'unknown',
    timestamp: e.timestamp,
    userId: e.sender?.id ?? e.follower?.id,
    text: e.message?.text,
    msgId: e.message?.msg_id,
  };
}
