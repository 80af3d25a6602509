/**
 * "Lampirkan ke indikator": one click sends a public-service document (the SKM report of a period, the
 * complaint statistics of a range) to an index indicator that asks for it as evidence, so the clerk
 * does not download it and upload it again on the assessment or on each innovation. The places come
 * from the server, grouped as the clerk knows them (the SPBE/Pemdi assessments, the IID innovations of
 * the latest period); each says whether it already holds this document and, when it cannot take it,
 * why. The document is made anew at each attach, the same as its download.
 */
import { Alert, Anchor, Badge, Button, Center, Group, Loader, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconInfoCircle, IconPaperclip, IconSearch } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { frameworkFamily } from '#domain/services/index-evidence.ts';
import { assessmentsKey } from '../api/assessments.api.ts';
import { isApiError } from '../api/http.ts';
import { iidKey } from '../api/iid.api.ts';
import {
  type AssessmentItemTarget,
  attachIndexEvidence,
  type IndexEvidenceSource,
  type IndexEvidenceTarget,
  type IndexEvidenceTargets,
  type InnovationTarget,
  indexEvidenceKey,
  indexEvidenceTargetsQueryOptions,
} from '../api/index-evidence.api.ts';
import { innovationsKey } from '../api/innovations.api.ts';
import { QueryError } from './query-error.tsx';
import { TechnicalDetails } from './technical-details.tsx';
import { useErrorText } from './use-error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { StatusBadge } from './status-badge.tsx';

/** The names clerks use for the assessments (the framework's full name cites its regulation). */
const ASSESSMENT_NAMES: Record<string, string> = { spbe: 'Evaluasi SPBE', pemdi: 'Indeks Pemdi', smartcity: 'Evaluasi Smart City' };

/** Above this many innovations the list gets a search field: a busy period has dozens. */
const SEARCH_FROM = 6;

const assessmentName = (item: AssessmentItemTarget) => `${ASSESSMENT_NAMES[frameworkFamily(item.frameworkId)] ?? item.frameworkName} ${item.year}`;

const assessmentLink = (item: AssessmentItemTarget) => `/penilaian/${item.assessmentId}?indikator=${encodeURIComponent(item.indicatorId)}`;
const innovationLink = (item: InnovationTarget) => `/inovasi/${item.innovationId}?tab=iid`;

function useIndicatorLabel() {
  const { t } = useI18n();
  // An indicator whose name the server could not find comes with its id as the name: say it once.
  return (id: string, name: string) =>
    name.trim() === '' || name === id ? t('layanan.evidence.indicator', { id }) : t('layanan.evidence.indicatorNamed', { id, name });
}

interface TargetRowProps {
  regionCode: string;
  source: IndexEvidenceSource;
  target: IndexEvidenceTarget;
  heading: ReactNode;
  details: ReactNode;
  isOpen: boolean;
  isAttached: boolean;
  closedReason: string;
  /** Said before the click when attaching has a consequence (a verified innovation goes back for review). */
  warning?: string;
  /** Where the document goes, in words, for the button's spoken name and the notification. */
  place: string;
  to: string;
}

/** One place the document can go, with its own attach (several may run one after the other). */
function TargetRow({ regionCode, source, target, heading, details, isOpen, isAttached, closedReason, warning, place, to }: TargetRowProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const noteId = useId();
  const attach = useMutation({
    mutationFn: () => attachIndexEvidence(regionCode, source, target),
    onSuccess: async (attached) => {
      const id = `index-evidence-${attached.attachmentId}`;
      notifications.show({
        id,
        color: 'green',
        title: t('layanan.evidence.done'),
        // Long enough to reach the link; the row itself keeps a link too, so nothing depends on the toast.
        autoClose: 10_000,
        message: (
          <Stack gap={2}>
            <Text size="sm">{t('layanan.evidence.doneText', { title: attached.title, place })}</Text>
            <Anchor
              href={to}
              size="sm"
              onClick={(event) => {
                // The notifications live outside the router: navigate in the app rather than reload it.
                event.preventDefault();
                notifications.hide(id);
                void navigate(to);
              }}
            >
              {t('layanan.evidence.open', { place })}
            </Anchor>
          </Stack>
        ),
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: indexEvidenceKey(regionCode) }),
        ...(target.kind === 'assessment_item'
          ? [queryClient.invalidateQueries({ queryKey: assessmentsKey(regionCode) })]
          : [
              queryClient.invalidateQueries({ queryKey: innovationsKey(regionCode) }),
              queryClient.invalidateQueries({ queryKey: iidKey(regionCode) }),
            ]),
      ]);
    },
  });
  // Marked at once, before the list reloads, so a second click cannot send a second copy.
  const isDone = isAttached || attach.isSuccess;
  const note = isDone ? null : !isOpen ? closedReason : (warning ?? null);
  const issues = isApiError(attach.error) ? attach.error.issues.map((i) => i.reason) : [];

  return (
    <Paper component="li" withBorder radius="sm" p="sm" data-target={place} data-attached={isDone || undefined}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {heading}
          </Text>
          {details}
          {note ? (
            <Group gap={4} wrap="nowrap" align="flex-start">
              {isOpen ? (
                <Text span c="orange" style={{ display: 'inline-flex' }}>
                  <IconAlertTriangle size={14} aria-hidden />
                </Text>
              ) : null}
              <Text id={noteId} size="xs" c={isOpen ? 'orange' : 'dimmed'}>
                {note}
              </Text>
            </Group>
          ) : null}
        </Stack>
        {isDone ? (
          <Group gap="xs" wrap="nowrap">
            <Badge color="green" variant="light" radius="sm" leftSection={<IconCheck size={12} aria-hidden />}>
              {t('layanan.evidence.attached')}
            </Badge>
            <Anchor component={Link} to={to} size="sm" aria-label={t('layanan.evidence.viewAt', { place })}>
              {t('layanan.evidence.view')}
            </Anchor>
          </Group>
        ) : (
          <Button
            size="xs"
            variant={isOpen ? 'light' : 'default'}
            leftSection={<IconPaperclip size={14} aria-hidden />}
            disabled={!isOpen}
            loading={attach.isPending}
            onClick={() => attach.mutate()}
            aria-label={t('layanan.evidence.attachTo', { place })}
            aria-describedby={note ? noteId : undefined}
          >
            {t('layanan.evidence.attach')}
          </Button>
        )}
      </Group>
      {attach.isError ? (
        <Alert color="red" variant="light" p="xs" mt="xs" icon={<IconAlertTriangle size={16} aria-hidden />} role="alert">
          <Text size="sm">{errorText(attach.error)}</Text>
          {issues.map((reason) => (
            <Text size="sm" key={reason}>
              {reason}
            </Text>
          ))}
          <TechnicalDetails error={attach.error} />
        </Alert>
      ) : null}
    </Paper>
  );
}

function GroupTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={3} size="h5">
      {children}
    </Title>
  );
}

function TargetList({ children, label }: { children: ReactNode; label: string }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {children}
    </Stack>
  );
}

function AssessmentTargets({ regionCode, source, items }: { regionCode: string; source: IndexEvidenceSource; items: AssessmentItemTarget[] }) {
  const { t } = useI18n();
  const indicatorLabel = useIndicatorLabel();
  const title = t('layanan.evidence.assessments');
  // One assessment after the other, newest first as the server sends them.
  const groups = new Map<string, AssessmentItemTarget[]>();
  for (const item of items) groups.set(item.assessmentId, [...(groups.get(item.assessmentId) ?? []), item]);
  return (
    <Stack gap="xs">
      <GroupTitle>{title}</GroupTitle>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('layanan.evidence.assessmentsNone')}
        </Text>
      ) : (
        [...groups.values()].map((group) => {
          const first = group[0];
          if (!first) return null;
          const assessment = assessmentName(first);
          return (
            <Stack gap={6} key={first.assessmentId}>
              <Text size="sm" fw={500}>
                {assessment}
              </Text>
              <TargetList label={assessment}>
                {group.map((item) => (
                  <TargetRow
                    key={item.itemId}
                    regionCode={regionCode}
                    source={source}
                    target={{ kind: 'assessment_item', assessmentId: item.assessmentId, itemId: item.itemId }}
                    heading={indicatorLabel(item.indicatorId, item.indicatorName)}
                    details={
                      <Text size="xs" c="dimmed">
                        {item.unitName ? t('layanan.evidence.unit', { unit: item.unitName }) : t('layanan.evidence.unassigned')}
                      </Text>
                    }
                    isOpen={item.open}
                    isAttached={item.attached}
                    closedReason={t('layanan.evidence.closedAssessment')}
                    place={t('layanan.evidence.placeAssessment', { id: item.indicatorId, assessment })}
                    to={assessmentLink(item)}
                  />
                ))}
              </TargetList>
            </Stack>
          );
        })
      )}
    </Stack>
  );
}

function InnovationTargets({ regionCode, source, items }: { regionCode: string; source: IndexEvidenceSource; items: InnovationTarget[] }) {
  const { t } = useI18n();
  const indicatorLabel = useIndicatorLabel();
  const [search, setSearch] = useState('');
  const year = items[0]?.year;
  const title = year === undefined ? t('layanan.evidence.innovations', { year: '' }).trim() : t('layanan.evidence.innovations', { year });
  const needle = search.trim().toLocaleLowerCase('id');
  const shown = needle === '' ? items : items.filter((i) => `${i.name} ${i.unitName}`.toLocaleLowerCase('id').includes(needle));
  // One indicator after the other (IID asks for the complaint statistics at 29 only, the SKM report at 34).
  const indicators = [...new Map(items.map((i) => [i.indicatorId, i.indicatorName])).entries()];
  const innovationCount = new Set(items.map((i) => i.innovationId)).size;

  return (
    <Stack gap="xs">
      <GroupTitle>{title}</GroupTitle>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('layanan.evidence.innovationsNone')}
        </Text>
      ) : (
        <>
          <Text size="xs" c="dimmed">
            {t('layanan.evidence.innovationsHint')}
          </Text>
          {innovationCount > SEARCH_FROM ? (
            <TextInput
              label={t('layanan.evidence.search')}
              placeholder={t('layanan.evidence.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              size="sm"
            />
          ) : null}
          {indicators.map(([indicatorId, indicatorName]) => {
            const rows = shown.filter((i) => i.indicatorId === indicatorId);
            const label = `IID · ${indicatorLabel(indicatorId, indicatorName)}`;
            return (
              <Stack gap={6} key={indicatorId}>
                <Text size="sm" fw={500}>
                  {label}
                </Text>
                {rows.length === 0 ? (
                  <Text size="sm" c="dimmed" role="status">
                    {t('layanan.evidence.noMatch', { text: search.trim() })}
                  </Text>
                ) : (
                  <TargetList label={label}>
                    {rows.map((item) => (
                      <TargetRow
                        key={`${item.indicatorId}:${item.innovationId}`}
                        regionCode={regionCode}
                        source={source}
                        target={{ kind: 'innovation', innovationId: item.innovationId, indicatorId: item.indicatorId }}
                        heading={item.name}
                        details={
                          <Group gap={6} wrap="wrap">
                            <StatusBadge status={item.status} size="sm" />
                            <Text size="xs" c="dimmed">
                              {item.unitName}
                            </Text>
                          </Group>
                        }
                        isOpen={item.open}
                        isAttached={item.attached}
                        closedReason={t('layanan.evidence.closedInnovation')}
                        warning={item.status === 'terverifikasi' ? t('layanan.evidence.reverify') : undefined}
                        place={t('layanan.evidence.placeInnovation', { id: item.indicatorId, name: item.name })}
                        to={innovationLink(item)}
                      />
                    ))}
                  </TargetList>
                )}
              </Stack>
            );
          })}
        </>
      )}
    </Stack>
  );
}

function TargetsBody({ regionCode, source, targets }: { regionCode: string; source: IndexEvidenceSource; targets: IndexEvidenceTargets }) {
  const { t } = useI18n();
  if (targets.assessmentItems.length === 0 && targets.innovations.length === 0) {
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('layanan.evidence.emptyTitle')} data-empty>
        <Text size="sm">
          {t(
            source.kind === 'skm'
              ? 'layanan.evidence.emptySkm'
              : source.kind === 'event'
                ? 'acara.evidence.empty'
                : 'layanan.evidence.emptyComplaints',
          )}
        </Text>
      </Alert>
    );
  }
  return (
    <Stack gap="lg">
      <AssessmentTargets regionCode={regionCode} source={source} items={targets.assessmentItems} />
      <InnovationTargets regionCode={regionCode} source={source} items={targets.innovations} />
    </Stack>
  );
}

function DialogContent({ regionCode, source, documentLabel }: { regionCode: string; source: IndexEvidenceSource; documentLabel: string }) {
  const { t } = useI18n();
  const targets = useQuery(indexEvidenceTargetsQueryOptions(regionCode, source));
  return (
    <Stack gap="md">
      <Text size="sm">{t('layanan.evidence.intro', { document: documentLabel })}</Text>
      {targets.isError ? (
        <QueryError error={targets.error} onRetry={() => void targets.refetch()} />
      ) : targets.isPending ? (
        <Center py="lg">
          <Loader size="sm" aria-label={t('layanan.evidence.loading')} />
        </Center>
      ) : (
        <TargetsBody regionCode={regionCode} source={source} targets={targets.data} />
      )}
    </Stack>
  );
}

/**
 * The button and its dialog. `documentLabel` names the document in a sentence ("Laporan SKM 2025");
 * only whoever manages the document's source should be shown it (the server refuses anyone else).
 */
export function AttachToIndexButton({
  regionCode,
  source,
  documentLabel,
}: {
  regionCode: string;
  source: IndexEvidenceSource;
  documentLabel: string;
}) {
  const { t } = useI18n();
  const [isOpen, setOpen] = useState(false);
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <>
      <Button variant="default" leftSection={<IconPaperclip size={16} aria-hidden />} onClick={() => setOpen(true)}>
        {t('layanan.evidence.title')}
      </Button>
      <Modal opened={isOpen} onClose={() => setOpen(false)} title={t('layanan.evidence.title')} size="lg" fullScreen={isMobile}>
        {isOpen ? <DialogContent regionCode={regionCode} source={source} documentLabel={documentLabel} /> : null}
      </Modal>
    </>
  );
}
