/**
 * One entry's proposal: the innovation's profile (read from the innovation), each of the
 * competition's sections with its word counter against the limit, the video link, attachments (the
 * SK naming the innovator among them), saving the draft and submitting before the deadline. After
 * submission, or for readers, the same page shows it read-only with the PDF.
 */
import { Alert, Anchor, Badge, Button, FileButton, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPaperclip } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { countWords } from '#domain/innovations/profile.ts';
import {
  addEntryLink,
  type CompetitionDetail,
  competitionKey,
  competitionQuery,
  type EntryDetail,
  entryAttachmentUrl,
  entryQuery,
  proposalPdfUrl,
  removeEntryAttachment,
  submitEntry,
  updateEntry,
  uploadEntryFile,
} from '../../api/kompetisi.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCompetitionScope } from './competition-scope.tsx';
import { ENTRY_STATUS_COLORS, entryStatusLabel } from './kompetisi-labels.ts';

export function KompetisiEntryPage() {
  const { id = '', entryId = '' } = useParams();
  const { scope: regionCode, basePath } = useCompetitionScope();
  const { t } = useI18n();
  const competition = useQuery(competitionQuery(regionCode, id));
  const entry = useQuery(entryQuery(regionCode, id, entryId));
  if (competition.isError || entry.isError) return <QueryError error={competition.error ?? entry.error} onRetry={() => void entry.refetch()} />;
  if (!competition.data || !entry.data) return <FullPageLoader />;
  return (
    <>
      <Anchor component={Link} to={`${basePath}/${id}?tab=peserta`} size="sm">
        ← {competition.data.name}
      </Anchor>
      <PageHeader
        title={t('kompetisi.entry.title', { name: entry.data.innovationName })}
        description={`${entry.data.unitName} · ${competition.data.categories.find((c) => c.code === entry.data.category)?.name ?? entry.data.category}`}
        actions={
          <Group gap="xs">
            <Badge color={ENTRY_STATUS_COLORS[entry.data.status]} variant="light" size="lg" radius="sm">
              {t(entryStatusLabel(entry.data.status))}
            </Badge>
            <Button
              component="a"
              href={proposalPdfUrl(regionCode, id, entryId)}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('kompetisi.entry.pdf')}
            </Button>
          </Group>
        }
      />
      <EntryEditor key={entry.data.version} regionCode={regionCode} competition={competition.data} entry={entry.data} />
    </>
  );
}

function EntryEditor({ regionCode, competition: c, entry }: { regionCode: string; competition: CompetitionDetail; entry: EntryDetail }) {
  const { t, formatDate, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const [sections, setSections] = useState<Record<string, string>>(entry.sections);
  const [videoUrl, setVideoUrl] = useState(entry.videoUrl ?? '');
  const [link, setLink] = useState({ title: '', url: '' });
  const [confirm, setConfirm] = useState(false);
  const key = entryQuery(regionCode, c.id, entry.id).queryKey;
  const refresh = (updated?: EntryDetail) => {
    if (updated) queryClient.setQueryData(key, updated);
    void queryClient.invalidateQueries({ queryKey: competitionKey(regionCode, c.id) });
  };
  const save = useMutation({
    mutationFn: () => updateEntry(regionCode, c.id, entry.id, { sections, videoUrl, version: entry.version }),
    onSuccess: (updated) => {
      refresh(updated);
      notifications.show({ color: 'green', message: t('kompetisi.entry.saved') });
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await updateEntry(regionCode, c.id, entry.id, { sections, videoUrl, version: entry.version });
      queryClient.setQueryData(key, saved);
      return submitEntry(regionCode, c.id, entry.id);
    },
    onSuccess: (updated) => {
      refresh(updated);
      setConfirm(false);
      notifications.show({ color: 'green', message: t('kompetisi.entry.submitted') });
    },
  });
  const addLink = useMutation({
    mutationFn: () => addEntryLink(regionCode, c.id, entry.id, link),
    onSuccess: () => {
      setLink({ title: '', url: '' });
      refresh();
    },
  });
  const upload = useMutation({
    mutationFn: (v: { file: File; slot: 'umum' | 'sk_inovator' }) => uploadEntryFile(regionCode, c.id, entry.id, v.file, v.slot),
    onSuccess: () => refresh(),
  });
  const remove = useMutation({
    mutationFn: (attachmentId: string) => removeEntryAttachment(regionCode, c.id, entry.id, attachmentId),
    onSuccess: () => refresh(),
  });
  const editable = entry.canEdit;
  const overLimit = c.sections.some((s) => countWords(sections[s.code] ?? '') > s.wordLimit);

  return (
    <Stack>
      {entry.screeningReason ? (
        <Alert color={entry.status === 'tidak_lolos' ? 'red' : 'green'}>
          {t('kompetisi.entry.screening', { status: t(entryStatusLabel(entry.status)), reason: entry.screeningReason })}
        </Alert>
      ) : null}
      {!editable && entry.status !== 'draft' ? <Alert color="blue">{t('kompetisi.entry.readOnly')}</Alert> : null}
      {editable && c.registrationClosesOn ? (
        <Text size="sm" c="dimmed">
          {t('kompetisi.entry.deadline', { date: formatDate(c.registrationClosesOn) })}
        </Text>
      ) : null}
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="sm">
          {t('kompetisi.entry.profile')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Text size="sm">
            <b>{t('kompetisi.entry.tahapan')}:</b> {entry.profile.tahapan ?? '–'}
          </Text>
          <Text size="sm">
            <b>{t('kompetisi.entry.penerapan')}:</b> {entry.profile.waktuPenerapan ? formatDate(entry.profile.waktuPenerapan) : '–'}
          </Text>
          <Text size="sm">
            <b>{t('kompetisi.entry.urusan')}:</b> {entry.profile.urusanUtama ?? '–'}
          </Text>
        </SimpleGrid>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Stack>
          {c.sections.map((s) => {
            const words = countWords(sections[s.code] ?? '');
            const over = words > s.wordLimit;
            return (
              <Stack key={s.code} gap={4}>
                <Textarea
                  label={s.title}
                  description={s.guidance || undefined}
                  value={sections[s.code] ?? ''}
                  onChange={(e) => setSections({ ...sections, [s.code]: e.currentTarget.value })}
                  readOnly={!editable}
                  autosize
                  minRows={3}
                  error={over ? true : undefined}
                  aria-describedby={`words-${s.code}`}
                />
                <Text id={`words-${s.code}`} size="xs" c={over ? 'red.8' : 'dimmed'} fw={over ? 700 : 400} aria-live="polite">
                  {t('kompetisi.entry.wordCount', { words: formatNumber(words), limit: formatNumber(s.wordLimit) })}
                </Text>
              </Stack>
            );
          })}
          <TextInput
            label={t('kompetisi.entry.video')}
            value={videoUrl}
            onChange={(e) => setVideoUrl(e.currentTarget.value)}
            readOnly={!editable}
            placeholder="https://"
          />
          <FormErrorAlert error={save.error ?? submit.error} />
          {editable ? (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => save.mutate()} loading={save.isPending} disabled={overLimit}>
                {t('kompetisi.entry.save')}
              </Button>
              <Button onClick={() => setConfirm(true)} disabled={overLimit}>
                {t('kompetisi.entry.submit')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="sm">
          {t('kompetisi.entry.attachments')}
        </Title>
        {entry.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('kompetisi.entry.noAttachments')}
          </Text>
        ) : (
          <Stack gap={4}>
            {entry.attachments.map((a) => (
              <Group key={a.id} justify="space-between">
                <Anchor
                  href={a.kind === 'link' ? (a.url ?? '#') : entryAttachmentUrl(regionCode, c.id, entry.id, a.id)}
                  target="_blank"
                  rel="noreferrer"
                  size="sm"
                >
                  <IconPaperclip size={14} aria-hidden /> {a.title}
                </Anchor>
                {editable ? (
                  <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(a.id)}>
                    {t('kompetisi.entry.remove')}
                  </Button>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
        {editable ? (
          <Stack mt="md" gap="sm">
            <Group>
              <FileButton onChange={(file) => file && upload.mutate({ file, slot: 'umum' })} accept="application/pdf,image/*">
                {(props) => (
                  <Button {...props} variant="light" loading={upload.isPending}>
                    {t('kompetisi.entry.uploadFile')}
                  </Button>
                )}
              </FileButton>
              <FileButton onChange={(file) => file && upload.mutate({ file, slot: 'sk_inovator' })} accept="application/pdf,image/*">
                {(props) => (
                  <Button {...props} variant="light">
                    {t('kompetisi.entry.uploadSk')}
                  </Button>
                )}
              </FileButton>
            </Group>
            <Group align="flex-end">
              <TextInput
                label={t('kompetisi.entry.linkTitle')}
                value={link.title}
                onChange={(e) => setLink({ ...link, title: e.currentTarget.value })}
              />
              <TextInput
                label={t('kompetisi.entry.linkUrl')}
                value={link.url}
                onChange={(e) => setLink({ ...link, url: e.currentTarget.value })}
                placeholder="https://"
              />
              <Button variant="light" onClick={() => addLink.mutate()} loading={addLink.isPending}>
                {t('kompetisi.entry.addLink')}
              </Button>
            </Group>
            <FormErrorAlert error={upload.error ?? addLink.error ?? remove.error} />
          </Stack>
        ) : null}
      </Paper>
      <ConfirmDialog
        opened={confirm}
        title={t('kompetisi.entry.submit')}
        message={t('kompetisi.entry.submitConfirm')}
        confirmLabel={t('kompetisi.entry.submit')}
        isPending={submit.isPending}
        error={submit.error}
        onConfirm={() => submit.mutate()}
        onClose={() => setConfirm(false)}
      />
    </Stack>
  );
}
