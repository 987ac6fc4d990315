/**
 * The commune's name and office address for headers and printed documents, from the commune directory
 * (`GET /api/communes/:code`). Until the directory answers, a neutral label with the code is used, so a
 * printed receipt never names the wrong commune.
 */
import { useEffect, useState } from 'react';
import { api } from './api.js';
import type { Commune } from './types.js';

const cache = new Map<string, Promise<Commune | null>>();

interface RawCommune {
  code: string;
  displayName: string;
  centreAddress: string | null;
  officeAddress: string | null;
}

const folded = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi').trim();

/**
 * The People's Committee office where dossiers are handed in (the directory's `officeAddress`, else the
 * administrative centre). Some source rows give only the commune's own name as the address; printing
 * "Xã Minh Sơn (địa chỉ: Xã Minh Sơn)" tells the resident nothing, so such an address is left out.
 */
function officeAddress(c: RawCommune): string | null {
  const address = c.officeAddress ?? c.centreAddress;
  return address && folded(address) !== folded(c.displayName) ? address : null;
}

export function fallbackCommune(code: string): Commune {
  return { code, name: `UBND xã/phường (mã ${code})`, address: null };
}

/** The commune with this code (`GET /api/communes/:code`), or a neutral fallback meanwhile. */
export function useCommune(code: string): Commune {
  const [commune, setCommune] = useState<Commune>(() => fallbackCommune(code));
  useEffect(() => {
    let live = true;
    let found = cache.get(code);
    if (!found) {
      found = api<RawCommune>('GET', `/api/communes/${encodeURIComponent(code)}`)
        .then((c) => ({ code: c.code, name: c.displayName, address: officeAddress(c) }))
        .catch(() => {
          cache.delete(code);
          return null;
        });
      cache.set(code, found);
    }
    void found.then((c) => {
      if (live && c) setCommune(c);
    });
    return () => {
      live = false;
    };
  }, [code]);
  return commune;
}
