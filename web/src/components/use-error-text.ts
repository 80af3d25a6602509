/** Turns any error into one sentence for people, in the current language: what happened and what to do. */
import { useCallback } from 'react';
import { ERROR_CATALOG } from '#shared/errors.ts';
import { ApiError } from '../api/http.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function useErrorText(): (error: unknown) => string {
  const { t, pick } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('error.generic');
      if (error.code === 'NETWORK_ERROR') return t('error.network');
      if (error.code === 'UNEXPECTED_RESPONSE') return t('error.unexpected');
      // The catalog's own words for the code, in the language the user chose (the server sends both, but
      // the catalog is the one source; request ids and codes stay in the technical details).
      return pick(ERROR_CATALOG[error.code]);
    },
    [t, pick],
  );
}
