/**
 * @module
 * Shape of the committed commune directory (`knowledge/communes/data/communes.json`, written by
 * `npm run import:communes`): the current communes and wards of Thanh Hóa (since 1 July 2025) and the
 * former ones, each pointing at the new unit(s) it joined. The loader validates the file against it.
 */
import { z } from 'zod';

/** Official GSO code of a commune-level unit: five digits. */
export const CommuneCodeSchema = z.string().regex(/^\d{5}$/);

/** Type of a current unit: xã (rural commune) or phường (urban ward). */
export const CommuneTypeSchema = z.enum(['xa', 'phuong']);
export type CommuneType = z.infer<typeof CommuneTypeSchema>;

/** Type of a unit before the merger; thị trấn (township) no longer exists at commune level. */
export const FormerCommuneTypeSchema = z.enum(['xa', 'phuong', 'thi_tran']);
export type FormerCommuneType = z.infer<typeof FormerCommuneTypeSchema>;

/** A current commune or ward as stored. */
export const StoredCommuneSchema = z.object({
  code: CommuneCodeSchema,
  name: z.string().min(1),
  type: CommuneTypeSchema,
  /** Where the People's Committee sits, verbatim from the source; null when it says "đang cập nhật". */
  centreAddress: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  areaKm2: z.number().nullable(),
  /** Population as published with the merger (sapnhap.bando.com.vn); null when not a number. */
  population: z.number().int().nullable(),
  /** Codes of the former units merged (wholly or partly) into this one, in source order. */
  formerCodes: z.array(CommuneCodeSchema),
});
export type StoredCommune = z.infer<typeof StoredCommuneSchema>;

/** A unit as it was before the merger, with the new unit(s) it joined. */
export const StoredFormerCommuneSchema = z.object({
  code: CommuneCodeSchema,
  name: z.string().min(1),
  type: FormerCommuneTypeSchema,
  /** The old district (huyện, thị xã, thành phố) it belonged to, e.g. "Huyện Hoằng Hóa". */
  district: z.string().min(1),
  /** Codes of the current units it joined; more than one when it was split. */
  successorCodes: z.array(CommuneCodeSchema),
});
export type StoredFormerCommune = z.infer<typeof StoredFormerCommuneSchema>;

export const CommuneDataSchema = z.object({
  province: z.string(),
  /** Date the current units took effect. */
  effectiveFrom: z.string(),
  sources: z.array(z.object({ file: z.string(), origin: z.string(), rows: z.number().int() })),
  communes: z.array(StoredCommuneSchema),
  formerCommunes: z.array(StoredFormerCommuneSchema),
});
export type CommuneData = z.infer<typeof CommuneDataSchema>;
