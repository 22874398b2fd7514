import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api-client.ts';
import type { User } from '../../lib/types.ts';

export const meKey = ['auth', 'me'] as const;

function unwrapUser(body: { user?: User } | User): User {
  return 'user' in body && body.user ? body.user : (body as User);
}

/** The logged-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<User | null> => {
      try {
        return unwrapUser(await api.get<{ user: User }>('/auth/me'));
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The logged-in user; only for pages rendered behind RequireAuth. */
export function useCurrentUser(): User {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: { username: string; password: string }) => unwrapUser(await api.post<{ user: User }>('/auth/login', input)),
    onSuccess: (user) => {
      qc.clear();
      qc.setQueryData(meKey, user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

/** Changes the user's own password (the server ends the user's other sessions). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.post<{ ok: true }>('/auth/password', input),
  });
}

/** Roles that see admin pages. */
export function isAdmin(user: User | null | undefined): boolean {
  return user?.role === 'admin';
}

/** Roles that may write household data. */
export function canWrite(user: User | null | undefined): boolean {
  return !!user && user.role !== 'viewer';
}
