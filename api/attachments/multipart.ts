/**
 * @module
 * A small streaming multipart/form-data parser (RFC 7578) over any async iterable of bytes, such as
 * an incoming request. File bodies are streamed chunk by chunk, never buffered whole, so the caller
 * can hash and write them to disk with back-pressure and stop at a size limit.
 *
 * @example
 * for await (const part of parseMultipart(req, boundary)) {
 *   if (part.fileName === null) fields[part.name] = await readText(part.body, 64_000);
 *   else await storage.write(part.body, …);
 * }
 */
import { HttpError } from '../errors.js';

/** One part. Its `body` must be consumed (or abandoned) before the next part is read. */
export interface MultipartPart {
  name: string;
  /** File name from Content-Disposition, or null for an ordinary field. */
  fileName: string | null;
  /** Declared type; informative only (attachments are typed by content). */
  contentType: string | null;
  body: AsyncIterable<Buffer>;
}

export interface MultipartLimits {
  /** Most parts accepted (fields + files). */
  maxParts: number;
  /** Most bytes in one part's header block. */
  maxHeaderBytes?: number;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

const malformed = (detail: string) =>
  new HttpError(
    400,
    'MALFORMED_MULTIPART',
    'Dữ liệu tải lên (multipart/form-data) không đúng định dạng.',
    {
      cause: new Error(detail),
    },
  );

/** Extracts the boundary from a Content-Type header, or null when it is not multipart/form-data. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** Reads bytes from an async iterator into a sliding buffer. */
class Reader {
  buf: Buffer = Buffer.alloc(0);
  private ended = false;
  constructor(private readonly it: AsyncIterator<Buffer | string>) {}

  /** Pulls one more chunk; false at the end of the stream. */
  async pull(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.it.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    return true;
  }

  /** Ensures at least `n` bytes are buffered; false if the stream ends first. */
  async need(n: number): Promise<boolean> {
    while (this.buf.length < n) if (!(await this.pull())) return false;
    return true;
  }
}

function parseHeaders(block: string): {
  name: string;
  fileName: string | null;
  contentType: string | null;
} {
  let disposition = '';
  let contentType: string | null = null;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') disposition = value;
    else if (key === 'content-type') contentType = value;
  }
  if (!/^form-data\b/i.test(disposition)) throw malformed('part without form-data disposition');
  const param = (key: string): string | null => {
    const re = new RegExp(`;\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i');
    const m = re.exec(disposition);
    if (!m) return null;
    return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? null);
  };
  const name = param('name');
  if (name === null) throw malformed('part without a name');
  let fileName = param('filename');
  const extended = param('filename\\*'); // RFC 5987: UTF-8''percent-encoded
  if (extended) {
    const m = /^utf-8''(.*)$/i.exec(extended);
    if (m?.[1] !== undefined) {
      try {
        fileName = decodeURIComponent(m[1]);
      } catch {
        // keep the plain filename
      }
    }
  }
  return { name, fileName, contentType };
}

/**
 * Yields the parts of a multipart body. Throws {@link HttpError} 400 on malformed input and when
 * there are more than `limits.maxParts` parts.
 */
export async function* parseMultipart(
  source: AsyncIterable<Buffer | string>,
  boundary: string,
  limits: MultipartLimits,
): AsyncGenerator<MultipartPart> {
  const reader = new Reader(source[Symbol.asyncIterator]());
  const dashBoundary = Buffer.from(`--${boundary}`);
  const bodyDelimiter = Buffer.from(`\r\n--${boundary}`);
  const maxHeaderBytes = limits.maxHeaderBytes ?? 16 * 1024;

  // Preamble: everything before the first delimiter is ignored.
  for (;;) {
    const at = reader.buf.indexOf(dashBoundary);
    if (at >= 0) {
      reader.buf = reader.buf.subarray(at + dashBoundary.length);
      break;
    }
    if (reader.buf.length > maxHeaderBytes) throw malformed('no opening boundary');
    if (!(await reader.pull())) throw malformed('no opening boundary');
  }

  let parts = 0;
  for (;;) {
    if (!(await reader.need(2))) throw malformed('truncated after boundary');
    if (reader.buf[0] === 0x2d && reader.buf[1] === 0x2d) return; // "--": close delimiter
    // Transport padding (spaces, tabs) may precede the CRLF after a boundary.
    while (reader.buf[0] === 0x20 || reader.buf[0] === 0x09) {
      reader.buf = reader.buf.subarray(1);
      if (!(await reader.need(2))) throw malformed('truncated after boundary');
    }
    if (!reader.buf.subarray(0, 2).equals(CRLF)) throw malformed('boundary not followed by CRLF');
    reader.buf = reader.buf.subarray(2);

    if (++parts > limits.maxParts) {
      throw new HttpError(
        413,
        'TOO_MANY_PARTS',
        `Yêu cầu có quá nhiều phần (tối đa ${limits.maxParts}).`,
      );
    }

    // Header block, ending with an empty line (immediately, when the part has no headers).
    let headerText: string;
    for (;;) {
      if (reader.buf.length >= 2 && reader.buf.subarray(0, 2).equals(CRLF)) {
        headerText = '';
        reader.buf = reader.buf.subarray(2);
        break;
      }
      const end = reader.buf.indexOf(HEADER_END);
      if (end >= 0) {
        headerText = reader.buf.subarray(0, end).toString('utf8');
        reader.buf = reader.buf.subarray(end + HEADER_END.length);
        break;
      }
      if (reader.buf.length > maxHeaderBytes) throw malformed('part headers too long');
      if (!(await reader.pull())) throw malformed('truncated part headers');
    }
    const headers = parseHeaders(headerText);

    let finished = false;
    /** The next slice of this part's body, or null at its end. */
    const nextChunk = async (): Promise<Buffer | null> => {
      while (!finished) {
        const at = reader.buf.indexOf(bodyDelimiter);
        if (at >= 0) {
          const chunk = reader.buf.subarray(0, at);
          reader.buf = reader.buf.subarray(at + bodyDelimiter.length);
          finished = true;
          return chunk.length > 0 ? chunk : null;
        }
        // Keep a tail that could be the start of a delimiter split across chunks.
        const safe = reader.buf.length - (bodyDelimiter.length - 1);
        if (safe > 0) {
          const chunk = reader.buf.subarray(0, safe);
          reader.buf = reader.buf.subarray(safe);
          return chunk;
        }
        if (!(await reader.pull())) throw malformed('truncated part body');
      }
      return null;
    };
    async function* body(): AsyncGenerator<Buffer> {
      for (let chunk = await nextChunk(); chunk !== null; chunk = await nextChunk()) yield chunk;
    }
    yield { ...headers, body: body() };
    // Skip whatever the consumer left unread (it may have stopped early).
    while (!finished) await nextChunk();
  }
}

/** Reads a whole (small) field as UTF-8 text, refusing more than `maxBytes`. */
export async function readText(
  body: AsyncIterable<Buffer>,
  maxBytes: number,
  what: string,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      throw new HttpError(
        413,
        'FIELD_TOO_LARGE',
        `Trường "${what}" quá dài (tối đa ${maxBytes} byte).`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
