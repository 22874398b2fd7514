import { z } from 'zod';
import { ROLES } from '../auth/roles.ts';
import { API_LIMITS, PageQuerySchema, RegionCodeSchema, pageOf } from './common.schemas.ts';

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
});
export type UserView = z.infer<typeof UserViewSchema>;

export const UserEnvelopeSchema = z.object({ user: UserViewSchema });

export const PASSWORD_MIN = 8;

export const UserCreateSchema = z.object({
  username: z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only').describe('login name'),
  displayName: z.string().trim().min(1).max(API_LIMITS.nameMax).describe('姓名'),
  password: z.string().min(PASSWORD_MIN).max(256).describe(`password (≥ ${PASSWORD_MIN} characters)`),
  role: RoleSchema,
  regionCode: RegionCodeSchema.describe('region the user works in (scope)'),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  phone: z.string().trim().max(32).nullable().optional(),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = UserCreateSchema.omit({ username: true })
  .partial()
  .extend({ disabled: z.boolean().optional().describe('a disabled user cannot log in') });
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

export const UserListQuerySchema = PageQuerySchema.extend({ q: z.string().trim().max(64).optional() });
export const UserListSchema = pageOf(UserViewSchema);
