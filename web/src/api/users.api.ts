/** Accounts of one region: list, create, edit, activate or deactivate, reset a password. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { okBody } from '#shared/api/common.ts';
import { user, userActiveBody, userCreate, userList, type userListQuery, userPasswordReset, userUpdate } from '#shared/api/users.ts';
import { apiPath, getJson, sendJson } from './http.ts';

export type { User } from '#shared/api/users.ts';
export type UserListParams = Partial<z.output<typeof userListQuery>>;
export type UserCreateInput = z.input<typeof userCreate>;
export type UserUpdateInput = z.input<typeof userUpdate>;

const usersPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'users', ...rest);

export const usersKey = (regionCode: string) => ['regions', regionCode, 'users'] as const;

export const userListQueryOptions = (regionCode: string, params: UserListParams) =>
  queryOptions({
    queryKey: [...usersKey(regionCode), 'list', params],
    queryFn: () => getJson(usersPath(regionCode), userList, params),
    placeholderData: keepPreviousData,
  });

export const createUser = (regionCode: string, input: UserCreateInput) => sendJson('POST', usersPath(regionCode), userCreate, input, user);

export const updateUser = (regionCode: string, id: string, input: UserUpdateInput) =>
  sendJson('PUT', usersPath(regionCode, id), userUpdate, input, user);

export const setUserActive = (regionCode: string, id: string, input: z.input<typeof userActiveBody>) =>
  sendJson('POST', usersPath(regionCode, id, 'active'), userActiveBody, input, user);

export const resetUserPassword = (regionCode: string, id: string, password: string) =>
  sendJson('POST', usersPath(regionCode, id, 'password'), userPasswordReset, { password }, okBody);
