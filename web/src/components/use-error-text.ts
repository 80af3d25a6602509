/** Turns any error into one sentence for people, in the current language. */
import { useCallback } from 'react';
import { ERROR_CATALOG } from '#shared/errors.ts';
import { ApiError } from '../api/http.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function useErrorText(): (error: unknown) => string {
  const { t, language, pick } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('error.generic');
      if (error.code === 'NETWORK_ERROR') return t('error.network');
      if (error.code === 'UNEXPECTED_RESPONSE') return t('error.unexpected');
      const fromServer = language === 'en' ? error.messageEn : error.messageId;
      return fromServer ?? pick(ERROR_CATALOG[error.code]);
    },
    [t, language, pick],
  );
}
