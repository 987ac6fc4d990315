/**
 * @module
 * Reads a submission body in either form a Zalo Mini App can send:
 * - `multipart/form-data`: a `payload` field holding the JSON request, and one file part per
 *   attachment, named by document code (e.g. `giay_chung_sinh`); several parts may share a name;
 * - `application/json`: the request itself, with optional `attachments: [{ documentCode, fileName,
 *   contentBase64 }]` (convenient for small scans; every byte is buffered and 4/3 larger on the wire).
 * Files are written to the attachment storage as they arrive; on any error they are removed again.
 */
import type { Request } from 'express';
import { HttpError } from '../errors.js';
import type { AttachmentStorage, StoredFile } from './attachment-storage.js';
import { formatBytes } from './attachment-storage.js';
import { multipartBoundary, parseMultipart, readText } from './multipart.js';

export interface UploadLimits {
  maxFiles: number;
  maxFileBytes: number;
}

const DOCUMENT_CODE = /^[a-z0-9_]{1,64}$/;
const MAX_PAYLOAD_BYTES = 256 * 1024;
const BASE64 = /^[A-Za-z0-9+/=\s_-]*$/;

const tooMany = (max: number) =>
  new HttpError(413, 'TOO_MANY_ATTACHMENTS', `Mỗi lần nộp được đính kèm tối đa ${max} tệp.`);

/** True for a multipart/form-data request. */
export function isMultipart(req: Request): boolean {
  return multipartBoundary(req.headers['content-type']) !== null;
}

/** The JSON payload and the stored files of a multipart request. */
export async function readMultipartUpload(
  req: Request,
  storage: AttachmentStorage,
  limits: UploadLimits,
): Promise<{ payload: unknown; files: StoredFile[] }> {
  const boundary = multipartBoundary(req.headers['content-type']);
  if (!boundary)
    throw new HttpError(400, 'MALFORMED_MULTIPART', 'Thiếu boundary trong Content-Type.');
  const files: StoredFile[] = [];
  let payload: unknown = {};
  try {
    for await (const part of parseMultipart(req, boundary, { maxParts: limits.maxFiles + 8 })) {
      if (part.fileName === null) {
        if (part.name !== 'payload') continue; // other fields are ignored (and skipped by the parser)
        const text = await readText(part.body, MAX_PAYLOAD_BYTES, 'payload');
        try {
          payload = JSON.parse(text);
        } catch {
          throw new HttpError(400, 'MALFORMED_JSON', 'Trường "payload" không phải JSON hợp lệ.');
        }
        continue;
      }
      if (!DOCUMENT_CODE.test(part.name)) {
        throw new HttpError(
          400,
          'VALIDATION_FAILED',
          'Tên phần tệp phải là mã giấy tờ (chữ thường, số, "_").',
          {
            fields: { [`documents.${part.name.slice(0, 64)}`]: 'Mã giấy tờ không hợp lệ.' },
          },
        );
      }
      if (files.length >= limits.maxFiles) throw tooMany(limits.maxFiles);
      files.push(
        await storage.write(part.body, { documentCode: part.name, fileName: part.fileName }),
      );
    }
    return { payload, files };
  } catch (error) {
    await storage.remove(files);
    throw error;
  }
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
