/**
 * Language of the interface: Bahasa Indonesia by default, English second, chosen by the user and kept
 * in localStorage. Numbers and dates follow Indonesian conventions in both languages (`id-ID`, and
 * `en-ID` for English words with Indonesian formats).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { messagesEn } from './messages.en.ts';
import { type MessageKey, type Messages, messagesId } from './messages.id.ts';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'sinergi.language';
const DICTIONARIES: Record<Language, Messages> = { id: messagesId, en: messagesEn };
const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-ID' };

/** Text that exists in both languages, as the shared catalogs carry it (`{ id, en }`). */
export interface Bilingual {
  id: string;
  en: string;
}

export type MessageParams = Record<string, string | number>;

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  /** The message for `key` with `{name}` placeholders filled in. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Picks the current language from a bilingual text. */
  pick: (text: Bilingual) => string;
  formatNumber: (value: number) => string;
  /**
   * A decimal written as text ("2.31", the API's exact form) in the language's format ("2,31"), digit
   * for digit: never through a binary float, so a published index shows exactly as published.
   */
  formatDecimal: (text: string) => string;
  formatDateTime: (iso: string) => string;
  formatDate: (iso: string) => string;
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Formats decimal text with `format` for the integer part and `separator` before the fraction. */
export function formatDecimalText(text: string, format: (whole: bigint) => string, separator: string): string {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m) return text;
  const [, sign = '', whole = '0', fraction] = m;
  return `${sign}${format(BigInt(whole))}${fraction ? `${separator}${fraction}` : ''}`;
}

/** The count a value stands for: a number, or a number already formatted ("1", "1.250"). */
function countOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.replace(/[^\d-]/g, ''));
}

/**
 * Fills `{name}` with its value, and `{name|one|other}` with the word that agrees with the count in
 * `name` ("{n} {n|innovation|innovations}"): English needs it, Indonesian never does.
 */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return Math.abs(countOf(value)) === 1 ? one : other;
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(readStoredLanguage);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or storage full: the choice lasts for this visit only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(() => {
    const messages = DICTIONARIES[language];
    const locale = LOCALES[language];
    const numbers = new Intl.NumberFormat(locale);
    const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const separator = numbers.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? ',';
    const formatWith = (format: Intl.DateTimeFormat, iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
    return {
      language,
      setLanguage,
      t: (key, params) => interpolate(messages[key], params),
      pick: (text) => text[language],
      formatNumber: (n) => numbers.format(n),
      formatDecimal: (text) => formatDecimalText(text, (whole) => numbers.format(whole), separator),
      formatDateTime: (iso) => formatWith(dateTimes, iso),
      formatDate: (iso) => formatWith(dates, iso),
    };
  }, [language, setLanguage]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
