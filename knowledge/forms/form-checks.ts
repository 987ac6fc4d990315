/**
 * @module Small helpers the forms' cross-field checks share: reading a text answer, a person's age, and
 * checking an identity number against the birth date and sex given for the same person.
 */
import { checkCccdAgainst, type Sex } from '../../common/vietnam-id.js';
import type { AddFieldIssue } from './form-types.js';

/** Completed years between an ISO birth date and an ISO day. */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) >= dateOfBirth.slice(5) ? years : years - 1;
}

/** The answer when it is text, else undefined (answers are untyped until validated). */
export const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * When `id` is filled in, checks it against the person's birth date and sex (the CCCD encodes both)
 * and reports a problem on `field`.
 */
export function checkPersonId(
  addIssue: AddFieldIssue,
  field: string,
  person: { id: unknown; dateOfBirth?: unknown; sex?: unknown },
): void {
  const id = textOf(person.id);
  if (!id) return;
  const problem = checkCccdAgainst(id, {
    dateOfBirth: textOf(person.dateOfBirth),
    sex: textOf(person.sex) as Sex | undefined,
  });
  if (problem) addIssue(field, problem);
}
