import { describe, expect, it } from 'vitest';
import { multipartBoundary, parseMultipart, readText } from '../../api/attachments/multipart.js';
import { HttpError } from '../../api/errors.js';

const BOUNDARY = '----motcuaBoundary7MA4YWxk';

function body(
  parts: { name: string; fileName?: string; type?: string; content: Buffer | string }[],
  preamble = '',
): Buffer {
  const chunks: Buffer[] = [Buffer.from(preamble)];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.fileName !== undefined ? `; filename="${p.fileName}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
      ),
    );
    chunks.push(Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

/** Feeds `data` in chunks of the given sizes (cycled), to exercise delimiters split across chunks. */
async function* chunked(data: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  let i = 0;
  for (let at = 0; at < data.length; i++) {
    const size = sizes[i % sizes.length]!;
    yield data.subarray(at, at + size);
    at += size;
  }
}

async function collect(data: Buffer, sizes: number[]) {
  const out: {
    name: string;
    fileName: string | null;
    contentType: string | null;
    content: Buffer;
  }[] = [];
  for await (const part of parseMultipart(chunked(data, sizes), BOUNDARY, { maxParts: 10 })) {
    const chunks: Buffer[] = [];
    for await (const c of part.body) chunks.push(c);
    out.push({
      name: part.name,
      fileName: part.fileName,
      contentType: part.contentType,
      content: Buffer.concat(chunks),
    });
  }
  return out;
}

describe('streaming multipart parser', () => {
  const binary = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
  // CRLF, dashes, and the boundary text itself without the CRLF that would make it a delimiter.
  const tricky = Buffer.from(`line1\r\n--not-the-boundary\r\nabc--${BOUNDARY}\r\n-\r`);
  const data = body(
    [
      { name: 'payload', content: '{"procedureCode":"1.001193","ghiChu":"Xin chào"}' },
      {
        name: 'giay_chung_sinh',
        fileName: 'giấy chứng sinh.pdf',
        type: 'application/pdf',
        content: binary,
      },
      { name: 'bo_sung', fileName: 'x.txt', content: tricky },
    ],
    'preamble to ignore\r\n',
  );

  it.each([[[data.length]], [[1]], [[2, 3, 5, 7]], [[64]], [[BOUNDARY.length + 3]]])(
    'parses the same parts whatever the chunking (%j)',
    async (sizes) => {
      const parts = await collect(data, sizes);
      expect(parts.map((p) => [p.name, p.fileName, p.contentType])).toEqual([
        ['payload', null, null],
        ['giay_chung_sinh', 'giấy chứng sinh.pdf', 'application/pdf'],
        ['bo_sung', 'x.txt', null],
      ]);
      expect(parts[0]!.content.toString()).toBe('{"procedureCode":"1.001193","ghiChu":"Xin chào"}');
      expect(parts[1]!.content.equals(binary)).toBe(true);
      expect(parts[2]!.content.equals(tricky)).toBe(true);
    },
  );

  it('skips parts the consumer does not read', async () => {
    const names: string[] = [];
    let payload = '';
    for await (const part of parseMultipart(chunked(data, [13]), BOUNDARY, { maxParts: 10 })) {
      names.push(part.name);
      if (part.name === 'payload') payload = await readText(part.body, 1000, 'payload');
      if (part.name === 'giay_chung_sinh') for await (const _ of part.body) break; // stop early
    }
    expect(names).toEqual(['payload', 'giay_chung_sinh', 'bo_sung']);
    expect(JSON.parse(payload).ghiChu).toBe('Xin chào');
  });

  it('decodes RFC 5987 file names', async () => {
    const raw = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="f"; filename="fallback.pdf"; filename*=UTF-8''%C4%91%C6%A1n.pdf\r\n\r\nabc\r\n--${BOUNDARY}--`,
    );
    const [part] = await collect(raw, [raw.length]);
    expect(part).toMatchObject({ fileName: 'đơn.pdf' });
  });

  it.each([
    [
      'truncated body',
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nabc`),
    ],
    ['no boundary at all', Buffer.from('just some bytes')],
    [
      'part without a name',
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--${BOUNDARY}--`),
    ],
  ])('rejects a malformed body: %s', async (_label, raw) => {
    await expect(collect(raw, [7])).rejects.toMatchObject({
      status: 400,
      code: 'MALFORMED_MULTIPART',
    });
  });

  it('limits the number of parts', async () => {
    const many = body(Array.from({ length: 5 }, (_, i) => ({ name: `p${i}`, content: 'x' })));
    const parts = parseMultipart(chunked(many, [many.length]), BOUNDARY, { maxParts: 3 });
    const error = await (async () => {
      try {
        for await (const p of parts) for await (const _ of p.body) void _;
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 413 });
  });

  it('reads the boundary from Content-Type', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeNull();
    expect(multipartBoundary('multipart/form-data')).toBeNull();
  });
});
