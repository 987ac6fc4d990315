/**
 * @module
 * Reads a submission body in either form a Zalo Mini App can send:
 * - `multipart/form-data`: a `payload` field holding the JSON request, and one file part per
 *   attachment, named by document code (e.g. `giay_chung_sinh`); several parts may share a name;
 * - `application/json`: the request itself, with optional `attachments: [{ documentCode, fileName,
 *   contentBase64 }]` (convenient for small scans; every byte is buffered and 4/3 larger on the wire).
 * Files are written to the attachment storage as they arrive; on any error they are removed again.
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { HttpError } from '../errors.js';
import type { AttachmentStorage, StoredFile } from './attachment-storage.js';
import { formatBytes } from './attachment-storage.js';

export interface UploadLimits {
  maxFiles: number;
  maxFileBytes: number;
}

const DOCUMENT_CODE = /^[a-z0-9_]{1,64}$/;
const MAX_PAYLOAD_BYTES = 256 * 1024;
/** Ordinary fields besides "payload" that a client may add (and we ignore). */
const MAX_FIELDS = 8;
/** Room for part headers and boundaries on top of the files and the payload. */
const OVERHEAD_BYTES = 256 * 1024;
const BASE64 = /^[A-Za-z0-9+/=\s_-]*$/;

const tooMany = (max: number) =>
  new HttpError(413, 'TOO_MANY_ATTACHMENTS', `Mỗi lần nộp được đính kèm tối đa ${max} tệp.`);

const malformed = () =>
  new HttpError(
    400,
    'MALFORMED_MULTIPART',
    'Dữ liệu tải lên (multipart/form-data) không đúng định dạng.',
  );

/** The most bytes a whole multipart request may carry: every file at its limit, plus the payload. */
export function maxRequestBytes(limits: UploadLimits): number {
  return limits.maxFiles * limits.maxFileBytes + MAX_PAYLOAD_BYTES + OVERHEAD_BYTES;
}

/** True for a multipart/form-data request. */
export function isMultipart(req: Request): boolean {
  return /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '');
}

/**
 * The JSON payload and the stored files of a multipart request, parsed by busboy.
 *
 * Limits: each file (`maxFileBytes`), the number of files, fields and parts, the payload field, and
 * the whole request ({@link maxRequestBytes}). A request that declares more than the whole-request cap
 * is refused before a byte is read; one that grows past it while streaming is cut off there. Any other
 * refusal (a file over its limit, too many files, a bad payload) stops storing but keeps reading the
 * rest of the body, which is bounded by the cap, and answers only then — so the client, still
 * sending, reads the Vietnamese 413 instead of a connection reset.
 */
export async function readMultipartUpload(
  req: Request,
  storage: AttachmentStorage,
  limits: UploadLimits,
): Promise<{ payload: unknown; files: StoredFile[] }> {
  const cap = maxRequestBytes(limits);
  const tooLarge = new HttpError(
    413,
    'PAYLOAD_TOO_LARGE',
    `Dữ liệu gửi lên quá lớn: tối đa ${limits.maxFiles} tệp, mỗi tệp tối đa ${formatBytes(limits.maxFileBytes)}.`,
  );
  if (Number(req.headers['content-length'] ?? 0) > cap) throw tooLarge;

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: {
        // One byte more than allowed, so the storage sees the excess and refuses the file.
        fileSize: limits.maxFileBytes + 1,
        files: limits.maxFiles,
        fields: MAX_FIELDS,
        fieldSize: MAX_PAYLOAD_BYTES,
        parts: limits.maxFiles + MAX_FIELDS,
        headerPairs: 20,
      },
    });
  } catch {
    throw malformed(); // no or bad boundary
  }

  const files: StoredFile[] = [];
  let payload: unknown = {};
  let failure: unknown = null;
  let writes = Promise.resolve();
  const fail = (error: unknown) => {
    failure ??= error;
  };

  const done = new Promise<void>((resolve) => {
    let received = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      resolve();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > cap) {
        // Past the whole-request cap: stop reading here (the error handler closes the connection).
        fail(tooLarge);
        req.off('data', onData);
        req.unpipe(parser);
        req.pause();
        finish();
      }
    };
    req.on('data', onData);
    req.on('aborted', () => {
      fail(new HttpError(400, 'REQUEST_ABORTED', 'Yêu cầu bị gián đoạn.'));
      finish();
    });

    parser.on('file', (name, stream, info) => {
      if (failure) {
        stream.resume();
        return;
      }
      if (!DOCUMENT_CODE.test(name)) {
        fail(
          new HttpError(
            400,
            'VALIDATION_FAILED',
            'Tên phần tệp phải là mã giấy tờ (chữ thường, số, "_").',
            {
              fields: { [`documents.${name.slice(0, 64)}`]: 'Mã giấy tờ không hợp lệ.' },
            },
          ),
        );
        stream.resume();
        return;
      }
      writes = writes.then(async () => {
        if (failure) {
          stream.resume();
          return;
        }
        try {
          files.push(
            // Never destroyed on an early stop: a destroyed part would stall busboy (and the
            // request) instead of letting the rest of the body drain.
            await storage.write(
              stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>,
              {
                documentCode: name,
                fileName: info.filename ?? name,
              },
            ),
          );
        } catch (error) {
          fail(error);
          stream.resume(); // keep reading the body so the client gets our answer
        }
      });
    });
    parser.on('field', (name, value, info) => {
      if (name !== 'payload' || failure) return; // other fields are ignored
      if (info.valueTruncated) {
        fail(new HttpError(413, 'PAYLOAD_TOO_LARGE', 'Trường "payload" quá lớn (tối đa 256 KB).'));
        return;
      }
      try {
        payload = JSON.parse(value);
      } catch {
        fail(new HttpError(400, 'MALFORMED_JSON', 'Trường "payload" không phải JSON hợp lệ.'));
      }
    });
    parser.on('filesLimit', () => fail(tooMany(limits.maxFiles)));
    parser.on('partsLimit', () => fail(tooMany(limits.maxFiles)));
    parser.on('fieldsLimit', () => fail(malformed()));
    parser.on('error', () => {
      fail(malformed());
      req.unpipe(parser);
      req.resume(); // drain what is left so the answer is read
      req.once('end', finish);
      if (req.complete) finish();
    });
    parser.on('close', finish);
    req.pipe(parser);
  });

  await done;
  await writes;
  if (failure) {
    await storage.remove(files);
    throw failure;
  }
  return { payload, files };
}

/**
 * Takes `attachments` out of an already-parsed JSON body and stores them. Returns the rest of the
 * body as the payload.
 */
export async function readJsonUpload(
  body: unknown,
  storage: AttachmentStorage,
  limits: UploadLimits,
): Promise<{ payload: unknown; files: StoredFile[] }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { payload: body, files: [] };
  const { attachments, ...payload } = body as { attachments?: unknown };
  if (attachments === undefined) return { payload, files: [] };
  if (!Array.isArray(attachments)) {
    throw new HttpError(400, 'VALIDATION_FAILED', 'Dữ liệu gửi lên chưa hợp lệ.', {
      fields: { attachments: 'Tệp đính kèm phải là một danh sách.' },
    });
  }
  if (attachments.length > limits.maxFiles) throw tooMany(limits.maxFiles);
  const files: StoredFile[] = [];
  try {
    for (const [i, item] of attachments.entries()) {
      const a = item as { documentCode?: unknown; fileName?: unknown; contentBase64?: unknown };
      const problem =
        typeof a?.documentCode !== 'string' || !DOCUMENT_CODE.test(a.documentCode)
          ? ['documentCode', 'Mã giấy tờ không hợp lệ.']
          : typeof a.fileName !== 'string' || a.fileName.trim() === ''
            ? ['fileName', 'Vui lòng ghi tên tệp.']
            : typeof a.contentBase64 !== 'string' || !BASE64.test(a.contentBase64)
              ? ['contentBase64', 'Nội dung tệp phải được mã hóa base64.']
              : null;
      if (problem) {
        throw new HttpError(400, 'VALIDATION_FAILED', 'Dữ liệu gửi lên chưa hợp lệ.', {
          fields: { [`attachments.${i}.${problem[0]}`]: problem[1] as string },
        });
      }
      const content = a.contentBase64 as string;
      // Refuse before decoding when the base64 text alone shows the file is too big.
      if (Math.floor((content.length * 3) / 4) > limits.maxFileBytes + 3) {
        throw new HttpError(
          413,
          'ATTACHMENT_TOO_LARGE',
          `Tệp "${String(a.fileName)}" vượt quá dung lượng cho phép: mỗi tệp tối đa ${formatBytes(limits.maxFileBytes)}.`,
        );
      }
      const bytes = Buffer.from(content, 'base64');
      files.push(
        await storage.write(bytes, {
          documentCode: a.documentCode as string,
          fileName: a.fileName as string,
        }),
      );
    }
    return { payload, files };
  } catch (error) {
    await storage.remove(files);
    throw error;
  }
}
