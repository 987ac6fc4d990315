import type { IncomingMessage } from 'node:http';

/** The request body was larger than allowed. */
export class BodyTooLargeError extends Error {}

/**
 * Reads the raw request bytes (webhook signatures are computed over them, so no JSON parser may run
 * first). Rejects bodies over `limit` bytes.
 */
export async function readRawBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  // Tolerate an express.raw() mounted in front of us; a parsed object would have lost the bytes.
  const preRead = (req as { body?: unknown }).body;
  if (Buffer.isBuffer(preRead)) return preRead;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(`body over ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses JSON, returning undefined instead of throwing on garbage. */
export function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}
