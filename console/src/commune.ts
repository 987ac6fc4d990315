/**
 * The commune's name and office address for headers and printed documents, from the commune directory
 * (`GET /api/communes`). Until the directory answers, a neutral label with the code is used, so a
 * printed receipt never names the wrong commune.
 */
import { useEffect, useState } from 'react';
import { api } from './api.js';
import type { Commune } from './types.js';

let cache: Promise<Commune[]> | null = null;

interface RawCommune {
  code?: string;
  displayName?: string;
  name?: string;
  centreAddress?: string | null;
  address?: string | null;
}

function normalise(raw: unknown): Commune[] {
  const list = Array.isArray(raw)
    ? raw
    : ((raw as { items?: unknown[]; communes?: unknown[] })?.items ??
      (raw as { communes?: unknown[] })?.communes ??
      []);
  return (list as RawCommune[])
    .filter((c) => typeof c.code === 'string')
    .map((c) => ({
      code: c.code!,
      name: c.displayName ?? c.name ?? `Xã/phường ${c.code}`,
      address: c.centreAddress ?? c.address ?? null,
    }));
}

export function fallbackCommune(code: string): Commune {
  return { code, name: `UBND xã/phường (mã ${code})`, address: null };
}

/** The commune with this code, or a neutral fallback. */
export function useCommune(code: string): Commune {
  const [commune, setCommune] = useState<Commune>(() => fallbackCommune(code));
  useEffect(() => {
    let live = true;
    cache ??= api<unknown>('GET', '/api/communes')
      .then(normalise)
      .catch(() => {
        cache = null;
        return [];
      });
    void cache.then((list) => {
      const found = list.find((c) => c.code === code);
      if (live && found) setCommune(found);
    });
    return () => {
      live = false;
    };
  }, [code]);
  return commune;
}
