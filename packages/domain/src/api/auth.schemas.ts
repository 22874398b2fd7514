import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password-rules.ts';
import { ROLES } from '../auth/roles.ts';
import { API_LIMITS, PageQuerySchema, RegionCodeSchema, VersionSchema, VersionedSaveSchema, pageOf } from './common.schemas.ts';

export const RoleSchema = z.enum(ROLES).describe('role code');

export const LoginSchema = z.object({
  username: z.string().trim().min(1).max(64).describe('user name'),
  password: z.string().min(1).max(256).describe('password'),
});
export type Login = z.infer<typeof LoginSchema>;

export const UserViewSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  regionCode: z.string(),
  regionName: z.string().optional(),
  locale: z.string(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  version: VersionSchema,
});
export type UserView = z.infer<typeof UserViewSchema>;

export const UserEnvelopeSchema = z.object({ user: UserViewSchema });

export const UserCreateSchema = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only')
    .describe('login name'),
  displayName: z.string().trim().min(1).max(API_LIMITS.nameMax).describe('姓名'),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH).describe(`password (≥ ${PASSWORD_MIN_LENGTH} characters, not the user name, not a common password)`),
  role: RoleSchema,
  regionCode: RegionCodeSchema.describe('region the user works in (scope)'),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  phone: z.string().trim().max(32).nullable().optional(),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = UserCreateSchema.omit({ username: true })
  .partial()
  .extend({ disabled: z.boolean().optional().describe('a disabled user cannot log in') })
  .extend(VersionedSaveSchema.shape);
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

/** `POST /api/v1/auth/password`: change one's own password. */
export const PasswordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH).describe('the current password'),
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH).describe(`new password (≥ ${PASSWORD_MIN_LENGTH} characters, not the user name, not a common password)`),
});
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

export const UserListQuerySchema = PageQuerySchema.extend({ q: z.string().trim().max(64).optional() });
export const UserListSchema = pageOf(UserViewSchema);
