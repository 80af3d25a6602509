/**
 * The strength of a new password while it is typed: a meter, "Lemah / Cukup / Kuat", and what to do
 * about it. It is the very verdict the server gives (domain/access/password-policy.ts), so a password
 * the meter accepts is one the server accepts. The estimator's dictionaries are large: they load in
 * their own chunk when the first password field appears, not with the app.
 */
import { Progress, Stack, Text } from '@mantine/core';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import {
  judgePassword,
  loadPasswordEstimator,
  type PasswordEstimator,
  type PasswordOwner,
  type PasswordStrength as Strength,
  refusalText,
} from '#domain/access/password-policy.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The estimator, once its dictionaries have loaded: null until then, when `isNeeded` is false (a form
 * without a password field), or if they cannot load (the server still checks).
 */
export function usePasswordEstimator(isNeeded = true): PasswordEstimator | null {
  const [estimator, setEstimator] = useState<PasswordEstimator | null>(null);
  useEffect(() => {
    if (!isNeeded) return;
    let isCurrent = true;
    loadPasswordEstimator()
      .then((loaded) => {
        if (isCurrent) setEstimator(() => loaded);
      })
      .catch(() => {});
    return () => {
      isCurrent = false;
    };
  }, [isNeeded]);
  return estimator;
}

/**
 * For a form's `validate`: why the policy refuses `password` for `owner`, in the user's language, or
 * null (also while the estimator loads; the server checks anyway).
 */
export function usePasswordRefusal(estimator: PasswordEstimator | null): (password: string, owner: PasswordOwner) => string | null {
  const { language } = useI18n();
  return (password, owner) => (estimator && password ? refusalText(judgePassword(password, owner, estimator), language) : null);
}

const COLORS: Record<Strength, string> = { weak: 'red', fair: 'yellow', strong: 'teal' };

export function PasswordStrength({
  password,
  owner,
  estimator,
  hasFieldError = false,
}: {
  password: string;
  owner: PasswordOwner;
  estimator: PasswordEstimator | null;
  /** The field already shows an error (the refusal, after submitting): the meter then only grades. */
  hasFieldError?: boolean;
}) {
  const { t, pick } = useI18n();
  // Typing stays quick: the estimate follows the keystrokes rather than holding them up.
  const typed = useDeferredValue(password);
  const { username, displayName, email } = owner;
  const verdict = useMemo(
    () => (estimator && typed ? judgePassword(typed, { username, displayName, email }, estimator) : null),
    [estimator, typed, username, displayName, email],
  );
  if (!password) return null;
  if (!verdict) {
    return (
      <Text size="xs" c="dimmed">
        {t('password.strength.checking')}
      </Text>
    );
  }
  const label = t(`password.strength.${verdict.strength}`);
  const advice = hasFieldError ? null : (verdict.message ?? verdict.hints[0] ?? null);
  return (
    <Stack gap={4}>
      <Progress.Root size="sm">
        <Progress.Section
          value={(verdict.score + 1) * 20}
          color={COLORS[verdict.strength]}
          withAria={false}
          role="meter"
          aria-label={t('password.strength')}
          aria-valuemin={0}
          aria-valuemax={4}
          aria-valuenow={verdict.score}
          aria-valuetext={label}
        />
      </Progress.Root>
      <Text size="xs" c={verdict.acceptable ? 'dimmed' : 'red'} aria-live="polite">
        <Text span inherit fw={600}>
          {t('password.strength.label', { label })}
        </Text>
        {advice ? ` · ${pick(advice)}` : ''}
      </Text>
    </Stack>
  );
}
