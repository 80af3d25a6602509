/** Session: log in and out, who am I, change my password. */
import { queryOptions } from '@tanstack/react-query';
import { changePasswordBody, loginBody, meResponse, type MeResponse } from '#shared/api/auth.ts';
import { okBody } from '#shared/api/common.ts';
import { getJson, isApiError, sendEmpty, sendJson } from './http.ts';

export type { MeResponse };
export type LoginInput = { username: string; password: string };
export type ChangePasswordInput = { currentPassword: string; newPassword: string };

export const meKey = ['me'] as const;

/** The signed-in user, or null when nobody is (the server answers 401). */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    return await getJson('/api/v1/auth/me', meResponse);
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const meQuery = queryOptions({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });

export const login = (input: LoginInput) => sendJson('POST', '/api/v1/auth/login', loginBody, input, meResponse);

export const logout = () => sendEmpty('POST', '/api/v1/auth/logout', okBody);

export const changePassword = (input: ChangePasswordInput) => sendJson('POST', '/api/v1/auth/password', changePasswordBody, input, okBody);
