/** The region's API tokens for command-centre screens: the list, issuing one (answered once), revoking. */
import { queryOptions } from '@tanstack/react-query';
import { apiToken, apiTokenCreated, apiTokenInput, type ApiTokenInput, apiTokenList } from '#shared/api/api-tokens.ts';
import { apiPath, getJson, sendEmpty, sendJson } from './http.ts';

export type { ApiToken, ApiTokenCreated, ApiTokenInput } from '#shared/api/api-tokens.ts';

const tokensPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'api-tokens', ...rest);

export const apiTokensKey = (regionCode: string) => ['regions', regionCode, 'api-tokens'] as const;

export const apiTokensQueryOptions = (regionCode: string) =>
  queryOptions({ queryKey: apiTokensKey(regionCode), queryFn: () => getJson(tokensPath(regionCode), apiTokenList) });

export const createApiToken = (regionCode: string, input: ApiTokenInput) =>
  sendJson('POST', tokensPath(regionCode), apiTokenInput, input, apiTokenCreated);

export const revokeApiToken = (regionCode: string, id: string) => sendEmpty('POST', tokensPath(regionCode, id, 'revoke'), apiToken);
