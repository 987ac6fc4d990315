/**
 * @module The on-disk index folder: a manifest saying what it was built from, procedure metadata,
 * the lexical postings as raw typed arrays, the embedding model (local provider) and the HNSW store.
 * Written to a temporary folder and renamed into place, so a reader never sees half an index.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { readArrayBuffer } from './binary-file.js';
import path from 'node:path';
import { Bm25Index } from './bm25.js';
import type { DocMeta } from './priors.js';

/** Bump when the index format or anything that shapes its content changes. */
export const INDEX_BUILD_VERSION = 5;

/** What an index was built from; any mismatch with the current setup means "rebuild". */
export interface IndexManifest {
  buildVersion: number;
  catalogueSha256: string;
  catalogueCount: number;
  snapshotDate: string;
  embeddings: { provider: string; model: string; dims: number };
  /** Fingerprint of the lexicon parts applied at index time (abbreviations). */
  lexicon: string;
  builtAt: string;
  buildMs: number;
}

export const MANIFEST_FILE = 'manifest.json';
const DOCS_FILE = 'docs.json';
const BM25_FILE = 'bm25.json';
export const VECTORS_DIR = 'vectors';
export const MODEL_DIR = 'model';

/** Reads the manifest, or undefined when the folder holds no (readable) index. */
export async function readManifest(dir: string): Promise<IndexManifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as IndexManifest;
  } catch {
    return undefined;
  }
}

/**
 * Writes an index atomically: `write` fills a sibling temporary folder, which then replaces `dir`.
 */
export async function writeIndexAtomically(
  dir: string,
  write: (tmp: string) => Promise<void>,
): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  const old = `${dir}.old-${process.pid}-${Date.now()}`;
  await mkdir(tmp, { recursive: true });
  try {
    await write(tmp);
    await rename(dir, old).catch(() => undefined);
    await rename(tmp, dir);
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  }
}

export async function writeDocs(dir: string, docs: readonly DocMeta[]): Promise<void> {
  await writeFile(path.join(dir, DOCS_FILE), JSON.stringify(docs));
}

export async function readDocs(dir: string): Promise<DocMeta[]> {
  return JSON.parse(await readFile(path.join(dir, DOCS_FILE), 'utf8')) as DocMeta[];
}

const ARRAYS = ['idf', 'offsets', 'docs', 'tf', 'flags'] as const;

export async function writeBm25(dir: string, index: Bm25Index): Promise<void> {
  const { docCount, terms } = index.data;
  await writeFile(path.join(dir, BM25_FILE), JSON.stringify({ docCount, terms }));
  for (const name of ARRAYS) {
    const a = index.data[name];
    await writeFile(
      path.join(dir, `bm25-${name}.bin`),
      new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
    );
  }
}

export async function readBm25(dir: string): Promise<Bm25Index> {
  const head = JSON.parse(await readFile(path.join(dir, BM25_FILE), 'utf8')) as {
    docCount: number;
    terms: string[];
  };
  const [idf, offsets, docs, tf, flags] = await Promise.all(
    ARRAYS.map((n) => readArrayBuffer(path.join(dir, `bm25-${n}.bin`))),
  );
  return new Bm25Index({
    docCount: head.docCount,
    terms: head.terms,
    idf: new Float32Array(idf!),
    offsets: new Uint32Array(offsets!),
    docs: new Uint32Array(docs!),
    tf: new Float32Array(tf!),
    flags: new Uint8Array(flags!),
  });
}

export async function writeManifest(dir: string, manifest: IndexManifest): Promise<void> {
  await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
}
