/**
 * @module Reading typed-array files of the index without a second copy in memory: the index loads
 * tens of megabytes of arrays, and a transient copy of each pushed the query process's peak RSS past
 * its budget when garbage collection came late.
 */
import { readFile } from 'node:fs/promises';

/**
 * The bytes of a file as an ArrayBuffer that typed arrays can view directly. Large reads get their
 * own buffer at offset 0, which is used as is; a pooled (small) read is copied, because typed arrays
 * need an aligned start.
 */
export async function readArrayBuffer(file: string): Promise<ArrayBuffer> {
  const buf = await readFile(file);
  const whole = buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength;
  if (whole && buf.buffer instanceof ArrayBuffer) return buf.buffer;
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}
