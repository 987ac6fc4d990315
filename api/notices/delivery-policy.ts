/**
 * @module
 * The reviewed delivery policy (delivery-policy.json): each platform's pace and what to do with a part
 * that may or may not have reached its group. Validated once at first use.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { GroupPlatform } from '../../common/notice-contracts.js';

const noted = <T extends z.ZodTypeAny>(value: T) => z.object({ value, note: z.string().min(1) });
const InDoubt = z.enum(['hold', 'resend']);

const PlatformPace = z.object({
  perSecond: z.number().positive(),
  perGroupPerMinute: z.number().int().positive(),
  note: z.string().min(1),
});

const PolicySchema = z.object({
  note: z.string().min(1),
  platforms: z.object({
    telegram: PlatformPace,
    'zalo-oa': PlatformPace,
    'zalo-bot': PlatformPace,
  }),
  inDoubt: z.object({ afterCrash: noted(InDoubt), afterTimeout: noted(InDoubt) }),
});

/**
 * `hold`: mark the delivery `unknown` for an officer to check the group (no duplicate, may be missing);
 * `resend`: send it again (never missing, may be doubled) and flag a possible duplicate.
 */
export type InDoubtAction = z.infer<typeof InDoubt>;

export interface DeliveryPolicy {
  pace: Record<GroupPlatform, { perSecond: number; perGroupPerMinute: number }>;
  afterCrash: InDoubtAction;
  afterTimeout: InDoubtAction;
}

let cached: DeliveryPolicy | undefined;

/** The bundled policy. */
export function deliveryPolicy(): DeliveryPolicy {
  if (!cached) {
    const raw = PolicySchema.parse(
      JSON.parse(readFileSync(new URL('./delivery-policy.json', import.meta.url), 'utf8')),
    );
    cached = {
      pace: raw.platforms,
      afterCrash: raw.inDoubt.afterCrash.value,
      afterTimeout: raw.inDoubt.afterTimeout.value,
    };
  }
  return cached;
}
