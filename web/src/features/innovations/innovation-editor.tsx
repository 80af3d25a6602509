/**
 * The innovation's profile as the national application asks for it, editable by its owner. Drafts
 * save as they go (use-autosave.ts) with a visible indicator; the verifier's notes sit under the fields
 * they are about; the rancang bangun counts its words live. A verified innovation is edited with an
 * explicit save instead, because saving sends it back for review.
 */
import { Alert, Button, Fieldset, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { isYandas } from '#domain/innovations/profile.ts';
import { statusAfterEdit } from '#domain/innovations/workflow.ts';
import type { FieldIssue } from '#shared/errors.ts';
import { isApiError } from '../../api/http.ts';
import type { Innovation } from '../../api/innovations.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { fieldOf, placeFieldIssues } from '../../components/form-issues.ts';
import { RpjmdProgrammeSelect } from '../../components/rpjmd-programme-select.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { DraftRestore, findUnsavedDrafts } from './draft-restore.tsx';
import { browserStorage, removeDraft, type StoredDraft } from './draft-storage.ts';
import {
  BENTUK,
  BENTUK_LABELS,
  fieldLabelKey,
  INISIATOR,
  INISIATOR_LABELS,
  isStatus,
  JENIS,
  JENIS_LABELS,
  TAHAPAN,
  TAHAPAN_LABELS,
  ASTA_CITA_LABELS,
  KLASIFIKASI,
  KLASIFIKASI_LABELS,
  PKPN_KLASTER_LABELS,
  SUMBER_ANGGARAN,
  SUMBER_ANGGARAN_LABELS,
} from '../../components/innovation-labels.ts';
import { PROFILE_VALUE_KEYS, type ProfileValues, valuesOf } from './profile-values.ts';
import { ReviewNote } from './review-note.tsx';
import { SaveIndicator } from '../../components/save-indicator.tsx';
import { UrusanMultiSelect, UrusanSelect } from './urusan-select.tsx';
import { useAutosave } from './use-autosave.ts';
import { WordCounter } from './word-counter.tsx';

/** What the page asks of the editor before a workflow step: save what is unsaved, and show refusals. */
export interface EditorHandle {
  /** Saves now; resolves with the version to act on, rejects when it could not save. */
  flush: () => Promise<number>;
  /** Places a refusal's field issues (e.g. of a submit) next to the fields. */
  showIssues: (error: unknown) => void;
}

/** Autosave is for edits that leave the status as it is (draft, returned); see statusAfterEdit. */
export function isAutosaved(innovation: Innovation): boolean {
  return isStatus(innovation.status) && statusAfterEdit(innovation.status) === innovation.status;
}

const stoppedNoticeId = (innovationId: string) => `autosave-stopped-${innovationId}`;

function focusFirstError() {
  window.requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('[data-innovation-editor] [aria-invalid="true"]')?.focus();
  });
}

export function InnovationEditor({
  ref,
  regionCode,
  innovation,
  onSaved,
  onReload,
  onCancel,
}: {
  ref?: Ref<EditorHandle>;
  regionCode: string;
  innovation: Innovation;
  onSaved: (saved: Innovation) => void;
  /** Drops this editor and opens the server's latest copy. */
  onReload: () => void;
  /** For the explicit-save mode: leave without saving (the typed changes are discarded). */
  onCancel?: () => void;
}) {
  const { t, pick } = useI18n();
  const isAutomatic = isAutosaved(innovation);
  const [serverValues] = useState(() => valuesOf(innovation));
  const [drafts, setDrafts] = useState<StoredDraft[]>(() => findUnsavedDrafts(innovation.id, serverValues));
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const [issueError, setIssueError] = useState<unknown>(null);
  // Issues of a refused submit stay until their fields change; those of a refused save go with the next save.
  const issueSource = useRef<'save' | 'submit' | null>(null);

  const form = useForm<ProfileValues>({
    initialValues: serverValues,
    onValuesChange: (values) => autosave.notifyChange(values),
  });

  const showIssues = (error: unknown, source: 'save' | 'submit' = 'submit') => {
    issueSource.current = source;
    form.clearErrors();
    const rest = placeFieldIssues(form, error, PROFILE_VALUE_KEYS);
    setUnplaced(rest);
    setIssueError(isApiError(error, 'VALIDATION_FAILED') ? error : null);
    focusFirstError();
  };

  const autosave = useAutosave({
    regionCode,
    innovation,
    isAutomatic,
    getValues: () => form.getValues(),
    onSaved: (saved) => {
      if (issueSource.current === 'save') {
        form.clearErrors();
        setUnplaced([]);
        setIssueError(null);
        issueSource.current = null;
      }
      onSaved(saved);
    },
    onFailed: (error) => {
      if (isApiError(error, 'VALIDATION_FAILED')) showIssues(error, 'save');
      // The alert sits at the top of a long form: say it where the user is, too.
      const stop = isApiError(error, 'STALE_VERSION') ? 'stale' : isApiError(error, 'CONFLICT') || isApiError(error, 'FORBIDDEN') ? 'conflict' : null;
      if (stop) {
        notifications.show({
          id: stoppedNoticeId(innovation.id),
          color: 'red',
          autoClose: false,
          title: t(stop === 'stale' ? 'editor.staleTitle' : 'editor.conflictTitle'),
          message: t('editor.stoppedNotice'),
        });
      }
    },
  });

  // A fresh editor (after "load the latest version") no longer needs the notice of the one before.
  useEffect(() => {
    notifications.hide(stoppedNoticeId(innovation.id));
  }, [innovation.id]);

  useImperativeHandle(ref, () => ({ flush: autosave.flush, showIssues: (error: unknown) => showIssues(error, 'submit') }));

  const notes = innovation.reviewNotes;
  const options = <K extends string>(values: readonly K[], labels: Record<K, { id: string; en: string }>) =>
    values.map((v) => ({ value: v, label: pick(labels[v]) }));
  const isStopped = autosave.state === 'stale' || autosave.state === 'conflict';
  const urusanUtama = form.values.urusanUtama;
  const issueLabels = unplaced.map((i) => {
    const key = fieldLabelKey(fieldOf(i));
    return { field: key ? t(key) : i.field, reason: i.reason };
  });

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} data-innovation-editor>
      <Group
        justify="space-between"
        gap="xs"
        py="xs"
        mb="sm"
        style={{
          position: 'sticky',
          top: 60,
          zIndex: 3,
          background: 'var(--mantine-color-body)',
          borderBottom: '1px solid var(--mantine-color-gray-2)',
        }}
      >
        <Title order={2} size="h4">
          {t('editor.title')}
        </Title>
        <SaveIndicator state={autosave.state} savedAt={autosave.savedAt} isAutomatic={isAutomatic} onRetry={autosave.retry} />
      </Group>

      <Stack gap="md">
        {isAutomatic ? (
          <Text size="sm" c="dimmed">
            {t('editor.autosaveHint')}
          </Text>
        ) : (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {t('editor.verifiedHint')}
          </Alert>
        )}

        <DraftRestore
          drafts={drafts}
          currentVersion={innovation.version}
          serverValues={serverValues}
          canRestore={!isStopped}
          onRestore={(draft) => {
            form.setValues(draft.values);
            if (draft.version !== autosave.version()) removeDraft(browserStorage(), innovation.id, draft.version);
          }}
          onDone={(draft) => setDrafts((list) => list.filter((d) => d !== draft))}
        />

        {isStopped ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t(autosave.state === 'stale' ? 'editor.staleTitle' : 'editor.conflictTitle')}
            role="alert"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t(autosave.state === 'stale' ? 'editor.staleText' : 'editor.conflictText')}</Text>
              <Button size="xs" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onReload}>
                {t('editor.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : null}

        {autosave.state === 'error' ? <FormErrorAlert error={autosave.error} /> : null}
        {issueError && issueLabels.length > 0 ? <FormErrorAlert error={issueError} unplaced={issueLabels} /> : null}

        <Fieldset legend={t('editor.section.identity')} radius="md">
          <Stack gap="sm">
            <div>
              <TextInput label={t('field.name')} withAsterisk description={t('editor.nameHint')} maxLength={200} {...form.getInputProps('name')} />
              <ReviewNote note={notes.name} />
            </div>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
              <div>
                <Select
                  label={t('field.tahapan')}
                  data={options(TAHAPAN, TAHAPAN_LABELS)}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('tahapan')}
                />
                <ReviewNote note={notes.tahapan} />
              </div>
              <div>
                <Select
                  label={t('field.inisiator')}
                  data={options(INISIATOR, INISIATOR_LABELS)}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('inisiator')}
                />
                <ReviewNote note={notes.inisiator} />
              </div>
              <div>
                <Select
                  label={t('field.jenis')}
                  data={options(JENIS, JENIS_LABELS)}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('jenis')}
                />
                <ReviewNote note={notes.jenis} />
              </div>
              <div>
                <Select
                  label={t('field.bentuk')}
                  data={options(BENTUK, BENTUK_LABELS)}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('bentuk')}
                />
                <ReviewNote note={notes.bentuk} />
              </div>
              <div>
                <UrusanSelect
                  label={t('field.urusanUtama')}
                  description={urusanUtama && isYandas(urusanUtama) ? t('editor.urusanYandas') : t('editor.urusanHint')}
                  {...form.getInputProps('urusanUtama')}
                />
                <ReviewNote note={notes.urusanUtama} />
              </div>
              <div>
                <UrusanMultiSelect
                  label={t('field.urusanIrisan')}
                  description={t('editor.urusanIrisanHint')}
                  exclude={urusanUtama}
                  maxValues={10}
                  {...form.getInputProps('urusanIrisan')}
                />
                <ReviewNote note={notes.urusanIrisan} />
              </div>
              <div>
                <Select
                  label={t('field.tematik')}
                  data={innovation.tematikOptions.map((o) => ({ value: o.id, label: o.name }))}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('tematik')}
                />
                <ReviewNote note={notes.tematik} />
              </div>
              <div>
                <RpjmdProgrammeSelect
                  regionCode={regionCode}
                  label={t('field.rpjmdProgramCode')}
                  value={form.getValues().rpjmdProgramCode}
                  onChange={(code) => form.setFieldValue('rpjmdProgramCode', code)}
                  error={form.errors.rpjmdProgramCode}
                />
              </div>
              <div>
                <TextInput
                  type="date"
                  label={t('field.waktuUjiCoba')}
                  description={t('editor.waktuUjiCobaHint')}
                  {...form.getInputProps('waktuUjiCoba')}
                />
                <ReviewNote note={notes.waktuUjiCoba} />
              </div>
              <div>
                <TextInput
                  type="date"
                  label={t('field.waktuPenerapan')}
                  description={t('editor.waktuPenerapanHint')}
                  min={form.values.waktuUjiCoba || undefined}
                  {...form.getInputProps('waktuPenerapan')}
                />
                <ReviewNote note={notes.waktuPenerapan} />
              </div>
              <div>
                <TextInput
                  type="date"
                  label={t('editor.waktuPengembangan')}
                  description={t('editor.waktuPengembanganHint')}
                  min={form.values.waktuPenerapan || undefined}
                  {...form.getInputProps('waktuPengembangan')}
                />
                <ReviewNote note={notes.waktuPengembangan} />
              </div>
              <div>
                <Textarea
                  label={t('editor.uraianPengembangan')}
                  description={t('editor.uraianPengembanganHint')}
                  autosize
                  minRows={2}
                  maxLength={5000}
                  {...form.getInputProps('uraianPengembangan')}
                />
                <ReviewNote note={notes.uraianPengembangan} />
              </div>
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('editor.section.profile2026')} radius="md">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('editor.profile2026Hint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
              <div>
                <Select
                  label={t('field.klasifikasi')}
                  data={options(KLASIFIKASI, KLASIFIKASI_LABELS)}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('klasifikasi')}
                />
                <ReviewNote note={notes.klasifikasi} />
              </div>
              <div>
                <TextInput label={t('field.namaInisiator')} maxLength={200} autoComplete="off" {...form.getInputProps('namaInisiator')} />
                <ReviewNote note={notes.namaInisiator} />
              </div>
              <div>
                <Select
                  label={t('field.astaCita')}
                  data={Object.keys(ASTA_CITA_LABELS).map((id) => ({ value: id, label: pick(ASTA_CITA_LABELS[id] ?? { id, en: id }) }))}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('astaCita')}
                />
                <ReviewNote note={notes.astaCita} />
              </div>
              <div>
                <Select
                  label={t('field.pkpnKlaster')}
                  data={Object.keys(PKPN_KLASTER_LABELS).map((id) => ({ value: id, label: pick(PKPN_KLASTER_LABELS[id] ?? { id, en: id }) }))}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('pkpnKlaster')}
                />
                <ReviewNote note={notes.pkpnKlaster} />
              </div>
              <div>
                <TextInput label={t('field.pkpnProgram')} maxLength={200} {...form.getInputProps('pkpnProgram')} />
              </div>
              <div>
                <TextInput
                  label={t('field.anggaranRupiah')}
                  description={t('field.anggaranRupiahHint')}
                  inputMode="decimal"
                  autoComplete="off"
                  {...form.getInputProps('anggaran')}
                />
                <ReviewNote note={notes.anggaran} />
              </div>
              <div>
                <Select
                  label={t('field.sumberAnggaran')}
                  data={options(SUMBER_ANGGARAN, SUMBER_ANGGARAN_LABELS)}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('sumberAnggaran')}
                />
              </div>
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('editor.section.description')} radius="md">
          <Stack gap="sm">
            <div>
              <Textarea
                label={t('field.rancangBangun')}
                description={t('editor.rancangBangunHint')}
                autosize
                minRows={8}
                maxRows={30}
                {...form.getInputProps('rancangBangun')}
              />
              <WordCounter text={form.values.rancangBangun} />
              <ReviewNote note={notes.rancangBangun} />
            </div>
            <div>
              <Textarea
                label={t('field.tujuan')}
                description={t('editor.tujuanHint')}
                autosize
                minRows={3}
                maxRows={12}
                {...form.getInputProps('tujuan')}
              />
              <ReviewNote note={notes.tujuan} />
            </div>
            <div>
              <Textarea
                label={t('field.manfaat')}
                description={t('editor.manfaatHint')}
                autosize
                minRows={3}
                maxRows={12}
                {...form.getInputProps('manfaat')}
              />
              <ReviewNote note={notes.manfaat} />
            </div>
            <div>
              <Textarea
                label={t('field.hasil')}
                description={t('editor.hasilHint')}
                autosize
                minRows={3}
                maxRows={12}
                {...form.getInputProps('hasil')}
              />
              <ReviewNote note={notes.hasil} />
            </div>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('editor.section.locationContact')} radius="md">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('editor.privacyHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NumberInput
                label={t('field.latitude')}
                placeholder="-2.1291"
                min={-90}
                max={90}
                decimalScale={6}
                hideControls
                {...form.getInputProps('latitude')}
              />
              <NumberInput
                label={t('field.longitude')}
                placeholder="106.1138"
                min={-180}
                max={180}
                decimalScale={6}
                hideControls
                {...form.getInputProps('longitude')}
              />
            </SimpleGrid>
            <ReviewNote note={notes.koordinat} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput label={t('field.contactName')} autoComplete="off" {...form.getInputProps('contactName')} />
              <TextInput label={t('field.contactPhone')} type="tel" autoComplete="off" {...form.getInputProps('contactPhone')} />
              <TextInput label={t('field.contactEmail')} type="email" autoComplete="off" {...form.getInputProps('contactEmail')} />
            </SimpleGrid>
            <ReviewNote note={notes.narahubung} />
          </Stack>
        </Fieldset>

        {!isAutomatic ? (
          <Group justify="flex-end">
            {onCancel ? (
              <Button
                variant="default"
                onClick={() => {
                  removeDraft(browserStorage(), innovation.id, autosave.version());
                  onCancel();
                }}
              >
                {t('common.cancel')}
              </Button>
            ) : null}
            <Button
              onClick={() => void autosave.flush().catch(() => undefined)}
              loading={autosave.state === 'saving'}
              disabled={autosave.state === 'saved' || isStopped}
            >
              {t('editor.saveAndResubmit')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
