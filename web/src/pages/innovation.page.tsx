/**
 * One innovation (/inovasi/:id): its status and what the caller may do now (buttons exactly from the
 * server's `actions`), the profile (an autosaving editor when `canEdit`, read-only otherwise) with the
 * verifier's notes per field, evidence, similar names for the reviewer, the timeline, carrying over
 * into a later period, and links between the versions of a carried-over innovation. A second tab,
 * "Indikator IID", holds the innovation's SID indicators with their evidence (`?tab=iid`).
 */
import { Alert, Anchor, Badge, Blockquote, Breadcrumbs, Button, Center, Grid, Group, Loader, Modal, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowBackUp, IconArrowRight, IconChartDots, IconCircleX, IconHistory, IconId, IconPencil, IconTransfer } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../api/http.ts';
import {
  type Innovation,
  innovationKey,
  innovationQueryOptions,
  innovationsKey,
  type SimilarInnovation,
  similarQueryOptions,
} from '../api/innovations.api.ts';
import { periodsKey } from '../api/periods.api.ts';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { SidPanel } from '../features/iid/sid-panel.tsx';
import { InnovationProgrammes } from '../features/kota-cerdas/innovation-programmes.tsx';
import { CarryOverForm } from '../features/innovations/carry-over-form.tsx';
import { EvidencePanel } from '../features/innovations/evidence-panel.tsx';
import { type EditorHandle, InnovationEditor, isAutosaved } from '../features/innovations/innovation-editor.tsx';
import { fieldLabelKey } from '../components/innovation-labels.ts';
import { InnovationTimeline } from '../features/innovations/innovation-timeline.tsx';
import { InnovationView } from '../features/innovations/innovation-view.tsx';
import { usePeriods } from '../features/innovations/period-select.tsx';
import { SimilarList } from '../features/innovations/similar-list.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { LateNotice } from '../features/innovations/window-warning.tsx';
import { WorkflowActions } from '../features/innovations/workflow-actions.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { useRegion } from '../session/region.tsx';

function ReviewerSimilar({ regionCode, id }: { regionCode: string; id: string }) {
  const { t } = useI18n();
  const similar = useQuery(similarQueryOptions(regionCode, id));
  return <SimilarList items={similar.data?.items ?? []} title={t('similar.reviewTitle')} text={t('similar.reviewText')} />;
}

/**
 * The latest return, as the unit needs it on arrival: the verifier's general note (before, it was only in
 * the timeline), who wrote it and when, and the fields that carry their own note.
 */
function ReturnedNotice({ innovation }: { innovation: Innovation }) {
  const { t, formatDateTime } = useI18n();
  const fields = Object.keys(innovation.reviewNotes);
  if (innovation.status !== 'dikembalikan') return null;
  const lastReturn = innovation.timeline.filter((entry) => entry.action === 'return').sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id)[0];
  const note = lastReturn?.note?.trim();
  return (
    <Alert color="orange" variant="light" icon={<IconArrowBackUp aria-hidden />} title={t('innovation.returnedTitle')} data-returned-notice>
      <Stack gap="xs">
        <Text size="sm">
          {innovation.canEdit ? t('innovation.returnedText') : t('innovation.returnedReadOnly')}{' '}
          {fields.length > 0
            ? t('innovation.returnedFields', {
                fields: fields
                  .map((f) => {
                    const key = fieldLabelKey(f);
                    return key ? t(key) : f;
                  })
                  .join(', '),
              })
            : ''}
        </Text>
        {note && lastReturn ? (
          <Blockquote
            color="orange"
            p="sm"
            radius="sm"
            cite={`— ${lastReturn.actorName ?? t('audit.system')}, ${formatDateTime(lastReturn.at)}`}
            data-returned-note
          >
            <Text size="xs" fw={700} mb={2}>
              {t('innovation.returnedNote')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note}
            </Text>
          </Blockquote>
        ) : null}
      </Stack>
    </Alert>
  );
}

export function InnovationPage() {
  const { id = '' } = useParams();
  // Another innovation (a similar one, the previous version) starts with a fresh page state.
  return <InnovationDetail key={id} id={id} />;
}

function InnovationDetail({ id }: { id: string }) {
  const { t, formatDateTime } = useI18n();
  const { regionCode, can } = useRegion();
  const queryClient = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const canRead = can('innovations.read');
  const query = useQuery({ ...innovationQueryOptions(regionCode, id), enabled: canRead && id !== '' });
  const periods = usePeriods(regionCode, canRead);
  const editor = useRef<EditorHandle | null>(null);
  // A new key drops the editor and opens the server's latest copy (after a 409, or on request).
  const [editorKey, setEditorKey] = useState(0);
  const [similarAfterSubmit, setSimilarAfterSubmit] = useState<SimilarInnovation[]>([]);
  const [isCarryOpen, setCarryOpen] = useState(false);
  // Editing a verified innovation sends it back for review: it opens read-only until asked.
  const [isEditingVerified, setEditingVerified] = useState(false);
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'iid' ? 'iid' : 'profil';

  if (!canRead) return <NoAccess />;
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    if (isApiError(query.error, 'NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED')) return <NotFoundPage />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }

  const innovation = query.data;
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: innovationKey(regionCode, id) });
    setEditorKey((k) => k + 1);
  };
  const laterPeriods = (periods.data?.items ?? []).filter((p) => p.year > innovation.year);
  const period = periods.data?.items.find((p) => p.id === innovation.periodId);
  const canCarryOver =
    innovation.canEdit &&
    (innovation.status === 'terverifikasi' || innovation.status === 'dikembalikan') &&
    innovation.nextId === null &&
    laterPeriods.length > 0;
  const isReviewing = innovation.actions.includes('verify') || innovation.actions.includes('return');
  const needsExplicitEdit = innovation.canEdit && !isAutosaved(innovation);
  const showEditor = innovation.canEdit && (!needsExplicitEdit || isEditingVerified);

  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to={`/inovasi?periodId=${innovation.periodId}`} size="sm">
          {t('innovations.title')} {innovation.year}
        </Anchor>
        <Text size="sm" c="dimmed" truncate maw={320}>
          {innovation.name}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={innovation.name}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <StatusBadge status={innovation.status} size="lg" />
            <Badge variant="outline" radius="sm">
              {t('period.label', { year: innovation.year })}
            </Badge>
            {/* One run of text, the dot tied to the unit: on a phone the line breaks inside it, never before the dot. */}
            <span>
              {innovation.unitName}
              {'\u00a0· '}
              {t('innovation.updated', { when: formatDateTime(innovation.updatedAt) })}
            </span>
          </Group>
        }
        actions={
          <>
            {needsExplicitEdit && !isEditingVerified ? (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditingVerified(true)}>
                {t('innovation.editVerified')}
              </Button>
            ) : null}
            {canCarryOver ? (
              <Button variant="default" leftSection={<IconTransfer size={16} aria-hidden />} onClick={() => setCarryOpen(true)}>
                {t('carryOver.button')}
              </Button>
            ) : null}
            <WorkflowActions
              regionCode={regionCode}
              innovation={innovation}
              prepare={() => (editor.current ? editor.current.flush() : Promise.resolve(innovation.version))}
              onIssues={(error) => editor.current?.showIssues(error)}
              onReload={() => void reload()}
              period={period}
              onDone={async (result, action) => {
                queryClient.setQueryData(innovationKey(regionCode, id), result.innovation);
                setSimilarAfterSubmit(action === 'submit' ? result.similar : []);
                setEditorKey((k) => k + 1);
                await queryClient.invalidateQueries({ queryKey: innovationsKey(regionCode), predicate: (q) => q.queryKey[3] === 'list' });
                await queryClient.invalidateQueries({ queryKey: periodsKey(regionCode) });
              }}
            />
          </>
        }
      />

      <Stack gap="md" mb="md">
        <SimilarList
          items={similarAfterSubmit}
          title={t('similar.submitTitle')}
          text={t('similar.submitText')}
          onClose={() => setSimilarAfterSubmit([])}
        />
        <LateNotice status={innovation.status} period={period} />
        <ReturnedNotice innovation={innovation} />
        {innovation.status === 'ditolak' && innovation.rejectionReason ? (
          <Alert color="red" variant="light" icon={<IconCircleX aria-hidden />} title={t('innovation.rejectedTitle')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {innovation.rejectionReason}
            </Text>
          </Alert>
        ) : null}
        {innovation.previousId || innovation.nextId ? (
          <Alert color="blue" variant="light" icon={<IconHistory aria-hidden />} title={t('innovation.versionsTitle')}>
            <Stack gap={4}>
              {innovation.developmentNote ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  <strong>{t('innovation.developmentNote')}:</strong> {innovation.developmentNote}
                </Text>
              ) : null}
              <Group gap="md">
                {innovation.previousId ? (
                  <Anchor component={Link} to={`/inovasi/${innovation.previousId}`} size="sm">
                    {t('innovation.previousVersion')}
                  </Anchor>
                ) : null}
                {innovation.nextId ? (
                  <Anchor component={Link} to={`/inovasi/${innovation.nextId}`} size="sm">
                    <Group gap={4} component="span">
                      {t('innovation.nextVersion')}
                      <IconArrowRight size={14} aria-hidden />
                    </Group>
                  </Anchor>
                ) : null}
              </Group>
            </Stack>
          </Alert>
        ) : null}
        {isReviewing ? <ReviewerSimilar regionCode={regionCode} id={innovation.id} /> : null}
      </Stack>

      <Tabs
        value={tab}
        onChange={(value) =>
          setSearch(
            (current) => {
              const next = new URLSearchParams(current);
              if (value === 'iid') next.set('tab', 'iid');
              else next.delete('tab');
              return next;
            },
            { replace: true },
          )
        }
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="profil" leftSection={<IconId size={16} aria-hidden />}>
            {t('innovation.tab.profile')}
          </Tabs.Tab>
          <Tabs.Tab value="iid" leftSection={<IconChartDots size={16} aria-hidden />}>
            {t('innovation.tab.iid')}
          </Tabs.Tab>
        </Tabs.List>
        {/* The profile stays mounted under the other tab: its editor keeps what is being typed. */}
        <Tabs.Panel value="profil">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              {showEditor ? (
                <InnovationEditor
                  key={`${innovation.id}:${editorKey}`}
                  ref={editor}
                  regionCode={regionCode}
                  innovation={innovation}
                  onSaved={(saved) => queryClient.setQueryData(innovationKey(regionCode, id), saved)}
                  onReload={() => void reload()}
                  onCancel={needsExplicitEdit ? () => setEditingVerified(false) : undefined}
                />
              ) : (
                <InnovationView innovation={innovation} />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack gap="md">
                <EvidencePanel regionCode={regionCode} innovation={innovation} canChange={showEditor} />
                {can('smartcity.read') ? <InnovationProgrammes regionCode={regionCode} innovationId={innovation.id} /> : null}
                <InnovationTimeline entries={innovation.timeline} />
              </Stack>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="iid">
          {tab === 'iid' ? (
            <SidPanel
              regionCode={regionCode}
              innovation={innovation}
              canChangeEvidence={innovation.canEdit}
              onInnovationChanged={() => void reload()}
            />
          ) : null}
        </Tabs.Panel>
      </Tabs>

      <Modal opened={isCarryOpen} onClose={() => setCarryOpen(false)} title={t('carryOver.title')} size="lg" fullScreen={isMobile}>
        {isCarryOpen ? (
          <CarryOverForm regionCode={regionCode} innovation={innovation} periods={periods.data?.items ?? []} onDone={() => setCarryOpen(false)} />
        ) : null}
      </Modal>
    </>
  );
}
