import { z } from 'zod';

/** `POST /api/v1/persons/:id/unmask`: why the officer needs the full values (recorded in the audit log). */
export const PersonUnmaskSchema = z.object({
  reason: z.string().max(200).describe('Why the full ID number and phone are needed (at least 2 characters); recorded in the audit log'),
});
export type PersonUnmask = z.infer<typeof PersonUnmaskSchema>;

/** The full values of one person, answered to an audited unmask. */
export const PersonUnmaskViewSchema = z.object({
  id: z.number().int().describe('person id'),
  name: z.string(),
  idNumber: z.string().describe('full ID number'),
  phone: z.string().nullable().describe('full phone'),
});
export type PersonUnmaskView = z.infer<typeof PersonUnmaskViewSchema>;

/** Shortest accepted unmask reason, in characters after trimming. */
export const UNMASK_REASON_MIN = 2;
