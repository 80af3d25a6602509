/**
 * A competition's public vote: the admin's view, settings and voiding, and the citizens' page (the
 * finalists, asking for a code, confirming it). Bodies are checked with the schemas the server uses.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  adminVoteView,
  publicVoteView,
  voidVotesBody,
  voidVotesResult,
  voteConfirmBody,
  voteConfirmResult,
  voteRequestBody,
  voteRequestResult,
  voteSettingsInput,
} from '#shared/api/competition-vote.ts';
import { apiPath, getJson, sendJson } from './http.ts';
import { NATIONAL_SCOPE } from './kompetisi.api.ts';

export type { AdminVoteView, PublicVoteView } from '#shared/api/competition-vote.ts';

/** The admin's routes: the region's, or the national admin's for a national competition (scope NATIONAL_SCOPE). */
const adminPath = (regionCode: string, id: string, ...rest: string[]) =>
  regionCode === NATIONAL_SCOPE
    ? apiPath('national', 'competitions', id, 'vote', ...rest)
    : apiPath('regions', regionCode, 'competitions', id, 'vote', ...rest);
const publicPath = (id: string, ...rest: string[]) => apiPath('public', 'competitions', id, 'vote', ...rest);

export const voteAdminKey = (regionCode: string, id: string) => ['competition-vote', regionCode, id];
export const voteAdminQuery = (regionCode: string, id: string) =>
  queryOptions({ queryKey: voteAdminKey(regionCode, id), queryFn: () => getJson(adminPath(regionCode, id), adminVoteView) });

export const saveVoteSettings = (regionCode: string, id: string, input: z.input<typeof voteSettingsInput>) =>
  sendJson('PUT', adminPath(regionCode, id), voteSettingsInput, input, adminVoteView);
export const voidVotes = (regionCode: string, id: string, input: z.input<typeof voidVotesBody>) =>
  sendJson('POST', adminPath(regionCode, id, 'void'), voidVotesBody, input, voidVotesResult);

export const publicVoteQuery = (id: string) =>
  queryOptions({ queryKey: ['public', 'competition-vote', id], queryFn: () => getJson(publicPath(id), publicVoteView), retry: false });
/** The honeypot field `website` goes along; the server drops a form whose honeypot a bot filled. */
const voteRequestForm = voteRequestBody.extend({ website: z.string() });
export const requestVoteCode = (id: string, input: z.input<typeof voteRequestForm>) =>
  sendJson('POST', publicPath(id, 'request'), voteRequestForm, input, voteRequestResult);
export const confirmVote = (id: string, input: z.input<typeof voteConfirmBody>) =>
  sendJson('POST', publicPath(id, 'confirm'), voteConfirmBody, input, voteConfirmResult);
