import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { OverlayEntry } from './resident-view.js';

/*
 * The reviewed resident-view overlay (resident-overlay.json): for the most asked commune procedures, which
 * source items a resident brings in the common case, in reading order, with a note per entry saying why.
 * Read by the importer; tests check every id against its record.
 */

const OverlaySchema = z.object({
  note: z.string(),
  entries: z.record(
    z.string(),
    z.object({
      main: z.array(z.string().regex(/^\d+\.\d+$/)).min(1),
      note: z.string().min(10),
    }),
  ),
});

/** Overlay entries by procedure code. */
export type ResidentOverlay = Record<string, OverlayEntry>;

export const RESIDENT_OVERLAY_FILE = fileURLToPath(
  new URL('./resident-overlay.json', import.meta.url),
);

/** Loads and checks the committed overlay. */
export function loadResidentOverlay(file = RESIDENT_OVERLAY_FILE): ResidentOverlay {
  return OverlaySchema.parse(JSON.parse(readFileSync(file, 'utf8'))).entries;
}
