/**
 * @module Families of procedures a resident must choose between (choice-families.json, reviewed
 * data): when the first hit and a close runner-up belong to one family, the retriever is sure of the
 * family but not of the member, so the resident is offered the choices.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One reviewed family: catalogue codes and why a question seldom decides between them. */
export interface ChoiceFamily {
  codes: string[];
  note: string;
}

export const CHOICE_FAMILIES_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'choice-families.json',
);

/** Reads the bundled families. */
export function readChoiceFamilies(file: string = CHOICE_FAMILIES_FILE): ChoiceFamily[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { families: ChoiceFamily[] };
  return data.families;
}

/** Which procedures (by code) share a family. */
export class ChoiceFamilies {
  /** Code → the index of its family. */
  private readonly familyOf = new Map<string, number>();

  constructor(families: readonly ChoiceFamily[]) {
    families.forEach((f, i) => {
      for (const code of f.codes) this.familyOf.set(code, i);
    });
  }

  static load(file: string = CHOICE_FAMILIES_FILE): ChoiceFamilies {
    return new ChoiceFamilies(readChoiceFamilies(file));
  }

  /** Whether two procedures are different members of one family. */
  together(a: string, b: string): boolean {
    const family = this.familyOf.get(a);
    return a !== b && family !== undefined && family === this.familyOf.get(b);
  }
}
