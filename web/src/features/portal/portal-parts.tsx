/** Pieces the portal's pages share: channel and IKM badges, the honeypot, the tracking-code form, share, answer cards. */
import { Anchor, Badge, Button, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconSearch, IconShare } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { complaintStatusPath } from '../../api/portal.api.ts';
import { useFigures } from '../../components/figures.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CHANNEL_COLORS, CHANNEL_LABELS, type Channel, GRADE_COLORS, GRADE_LABELS, isGrade } from './portal-labels.ts';
import classes from './portal.module.css';

export function ChannelBadge({ channel }: { channel: Channel }) {
  const { t } = useI18n();
  return (
    <Badge variant="light" radius="sm" color={CHANNEL_COLORS[channel]} aria-label={t('portal.channelLabel', { channel: t(CHANNEL_LABELS[channel]) })}>
      {t(CHANNEL_LABELS[channel])}
    </Badge>
  );
}

/** "IKM 2026 · 84,12 · B Baik": the number as published (decimal text), the grade in its colour. */
export function IkmBadge({ ikm, size = 'md' }: { ikm: { index: string; grade: string; year?: number } | null; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useI18n();
  const { figure } = useFigures();
  if (!ikm) {
    return (
      <Text size="sm" c="dimmed">
        {t('portal.ikm.none')}
      </Text>
    );
  }
  const grade = isGrade(ikm.grade) ? ikm.grade : null;
  return (
    <Group gap={6} wrap="nowrap" data-ikm={ikm.index}>
      {ikm.year ? (
        <Text size="sm" c="dimmed">
          {t('portal.ikm.label', { year: ikm.year })}
        </Text>
      ) : null}
      <Text fw={800} size={size === 'lg' ? '2rem' : size} lh={1}>
        {figure(ikm.index, 'ikm')}
      </Text>
      {grade ? (
        <Badge color={GRADE_COLORS[grade]} variant="filled" radius="sm" size={size === 'lg' ? 'lg' : 'md'}>
          {grade} · {t(GRADE_LABELS[grade])}
        </Badge>
      ) : null}
    </Group>
  );
}

/** The field people never see: bots fill it, and the server quietly drops such a form. */
export function HoneypotField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <div className={classes.honeypot} aria-hidden="true">
      <label>
        {t('portal.honeypot')}
        <input type="text" name="website" tabIndex={-1} autoComplete="off" value={value} onChange={(e) => onChange(e.currentTarget.value)} />
      </label>
    </div>
  );
}

/** Enter a tracking code and go to its status page. */
export function TrackForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = code.trim().toUpperCase();
    if (!clean) {
      setError(t('portal.track.required'));
      return;
    }
    void navigate(complaintStatusPath(clean));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          label={t('portal.track.label')}
          placeholder={t('portal.track.placeholder')}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          style={{ flex: 1 }}
        />
        <Button type="submit" mt={25} leftSection={<IconSearch size={16} aria-hidden />}>
          {t('portal.track.submit')}
        </Button>
      </Group>
    </form>
  );
}

/** Shares the page through the phone's share sheet where there is one, else copies the link. */
export function ShareButton({ title, text }: { title: string; text: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const share = async () => {
    const url = window.location.href;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, text, url });
        return;
      } catch (error) {
        // Cancelled by the person: nothing else to do. Any other failure falls back to copying.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2500);
    } catch {
      window.prompt(t('portal.share'), url);
    }
  };
  return (
    <Tooltip label={t('portal.share.copied')} opened={copied} withArrow>
      <Button
        variant="default"
        leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconShare size={16} aria-hidden />}
        onClick={() => void share()}
      >
        {copied ? t('portal.share.copied') : t('portal.share')}
      </Button>
    </Tooltip>
  );
}

/**
 * One survey question: a fieldset with its legend and four large cards, each a native radio (arrow keys
 * move between them, the screen reader says "2 of 4"). Values are 1–4 as the unsur's scale.
 */
export function AnswerCards({
  name,
  legend,
  hint,
  options,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: readonly string[];
  value: number | null;
  onChange: (value: number) => void;
  error?: string | null | undefined;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset className={classes.fieldset} aria-describedby={error ? errorId : undefined} data-question={name}>
      <legend className={classes.legend}>
        {hint ? (
          <Text component="span" size="xs" c="dimmed" display="block" fw={500}>
            {hint}
          </Text>
        ) : null}
        {legend}
      </legend>
      <div className={classes.options}>
        {options.map((label, i) => {
          const score = i + 1;
          return (
            <label key={label} className={`${classes.option} ${error ? classes.optionInvalid : ''}`}>
              <input
                type="radio"
                name={name}
                value={score}
                checked={value === score}
                onChange={() => onChange(score)}
                aria-invalid={error ? true : undefined}
              />
              <span>{label}</span>
            </label>
          );
        })}
      </div>
      {error ? (
        <Text id={errorId} c="red.8" size="sm" mt={4}>
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
}

export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {label}
      </Group>
    </Anchor>
  );
}
