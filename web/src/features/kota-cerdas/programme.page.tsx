/**
 * One smart-city programme: where it sits in the masterplan, its units and span, progress (with the
 * rule that computes it), outputs with each year's KPI target beside the year's realisation, funding
 * and budget realised, every quarter reported (newest first) with its evidence, and the innovations it
 * carries out. The lead unit's operator reports a quarter from here; admins edit or delete.
 */
import { ActionIcon, Anchor, Badge, Button, Card, Group, List, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconEdit, IconReportAnalytics, IconTrash, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  deleteProgramme,
  kotaCerdasKey,
  masterplanQueryOptions,
  type ProgrammeDetail,
  programmeQueryOptions,
  progressEvidenceUrl,
  removeProgressEvidence,
} from '../../api/kota-cerdas.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { FundingTable } from './funding-table.tsx';
import { KIND_COLORS, KIND_LABELS } from './kota-cerdas-labels.ts';
import { ProgrammeForm } from './programme-form.tsx';
import { ProgressFigure, StatusBadge } from './progress-figure.tsx';
import { QuarterReportForm } from './quarter-report-form.tsx';

type Dialog = { type: 'report'; year?: number; quarter?: number } | { type: 'edit' } | null;

export function ProgrammePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { regionCode, can } = useRegion();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [isDeleteOpen, setDeleteOpen] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery({ ...programmeQueryOptions(regionCode, id), enabled: can('smartcity.read') });
  const p = query.data;
  const plan = useQuery({ ...masterplanQueryOptions(regionCode, p?.masterplan.id ?? ''), enabled: dialog?.type === 'edit' && p !== undefined });
  const remove = useMutation({
    mutationFn: () => deleteProgramme(regionCode, id),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('kc.prog.deleted') });
      await queryClient.invalidateQueries({ queryKey: kotaCerdasKey(regionCode) });
      await navigate('/kota-cerdas?tab=program');
    },
  });

  if (!can('smartcity.read')) return <NoAccess />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!p) return <TableSkeleton />;

  return (
    <>
      <Anchor
        component={Link}
        to={`/kota-cerdas?mp=${p.masterplan.id}`}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden />
        {t('kc.detail.back')}
      </Anchor>
      <PageHeader
        title={p.name}
        description={`${p.masterplan.title} · ${p.dimensionName} / ${p.elementName}`}
        actions={
          <>
            {p.canReport ? (
              <Button leftSection={<IconReportAnalytics size={16} aria-hidden />} onClick={() => setDialog({ type: 'report' })}>
                {t('kc.detail.report')}
              </Button>
            ) : null}
            {p.canManage ? (
              <>
                <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setDialog({ type: 'edit' })}>
                  {t('common.edit')}
                </Button>
                <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleteOpen(true)}>
                  {t('kc.prog.delete')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <Summary p={p} />
        <Outputs p={p} />
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('kc.funding.title')}
          </Title>
          <FundingTable funding={p.funding} caption={p.name} />
          <Text size="sm" mt="sm">
            {t('kc.detail.budgetTotal', { amount: formatRupiah(p.budgetRealisedTotal), plan: formatRupiah(p.funding.totals.total) })}
          </Text>
        </Paper>
        <Reports p={p} onUpdate={(year, quarter) => setDialog({ type: 'report', year, quarter })} />
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('kc.detail.innovations')}
          </Title>
          {p.innovations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('kc.detail.noInnovations')}
            </Text>
          ) : (
            <List spacing={4} size="sm">
              {p.innovations.map((i) => (
                <List.Item key={i.id}>
                  <Anchor component={Link} to={`/inovasi/${i.id}`} size="sm">
                    {i.name}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    ({i.unitName})
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      </Stack>

      <Modal opened={dialog?.type === 'report'} onClose={() => setDialog(null)} title={t('kc.report.title', { name: p.name })} size="lg">
        {dialog?.type === 'report' ? (
          <QuarterReportForm
            regionCode={regionCode}
            programme={p}
            initial={dialog.year && dialog.quarter ? { year: dialog.year, quarter: dialog.quarter } : undefined}
            onDone={() => setDialog(null)}
          />
        ) : null}
      </Modal>
      <Modal opened={dialog?.type === 'edit'} onClose={() => setDialog(null)} title={t('kc.prog.editTitle', { name: p.name })} size="xl">
        {dialog?.type === 'edit' && plan.data ? (
          <ProgrammeForm regionCode={regionCode} plan={plan.data} programme={p} onDone={() => setDialog(null)} />
        ) : dialog?.type === 'edit' ? (
          <TableSkeleton rows={3} />
        ) : null}
      </Modal>
      <ConfirmDialog
        opened={isDeleteOpen}
        title={t('kc.prog.delete')}
        message={t('kc.prog.deleteConfirm', { name: p.name })}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleteOpen(false)}
      />
    </>
  );
}

/** Rupiah as Indonesian readers write it, digit for digit from the exact decimal text. */
function formatRupiah(amount: string): string {
  const [whole = '0', fraction = '00'] = amount.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${fraction}`;
}

function Summary({ p }: { p: ProgrammeDetail }) {
  const { t } = useI18n();
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="light" color={KIND_COLORS[p.kind]}>
            {t(KIND_LABELS[p.kind])}
            {p.stage ? ` · ${p.stage}` : ''}
          </Badge>
          <StatusBadge status={p.status} />
          <Text size="sm" c="dimmed">
            {p.lastReport ? t('kc.lastReport', { year: p.lastReport.year, quarter: p.lastReport.quarter }) : t('kc.notReported')}
          </Text>
        </Group>
        {p.description ? <Text size="sm">{p.description}</Text> : null}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <Fact label={t('kc.col.lead')} value={p.leadUnitName} />
          <Fact label={t('kc.detail.support')} value={p.supportUnits.map((u) => u.name).join(', ') || '–'} />
          <Fact label={t('kc.col.span')} value={t('kc.span', { sq: p.startQuarter, sy: p.startYear, eq: p.endQuarter, ey: p.endYear })} />
          <Fact label={t('kc.detail.rpjmd')} value={p.rpjmdProgramCode ?? '–'} />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            {t('kc.progress')}
          </Text>
          <ProgressFigure name={p.name} progress={p.progress} width={240} />
          <Text size="xs" c="dimmed">
            {t('kc.progressRule')}: {p.progressRule}
          </Text>
        </Stack>
      </Stack>
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

function Outputs({ p }: { p: ProgrammeDetail }) {
  const { t, formatDecimal } = useI18n();
  const years = Array.from({ length: p.endYear - p.startYear + 1 }, (_, i) => p.startYear + i);
  // The year's realisation is the figure of its last reported quarter (reports come newest first).
  const realisedIn = (outputId: string, year: number) =>
    p.reports.find((r) => r.year === year && r.figures.some((f) => f.outputId === outputId))?.figures.find((f) => f.outputId === outputId)?.realised;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('kc.detail.outputs')}
      </Title>
      <ScrollRegion label={t('kc.detail.targetsBy')} minWidth={180 + years.length * 80}>
        <Table withTableBorder striped>
          <Table.Caption>{t('kc.detail.targetsBy')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('kc.prog.outputName')}</Table.Th>
              {years.map((y) => (
                <Table.Th key={y} scope="col" style={{ textAlign: 'right' }}>
                  {y}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.outputs.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Th scope="row" style={{ fontWeight: 400 }}>
                  <Text size="sm" fw={600}>
                    {o.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {o.kpiName} ({o.unitOfMeasure})
                  </Text>
                </Table.Th>
                {years.map((y) => {
                  const target = o.targets.find((x) => x.year === y)?.target;
                  const realised = realisedIn(o.id, y);
                  return (
                    <Table.Td key={y} style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                      <Text size="sm" fw={600}>
                        {realised === undefined ? '–' : formatDecimal(realised)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        / {target === undefined ? '–' : formatDecimal(target)}
                      </Text>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      <Text size="xs" c="dimmed" mt={4}>
        {t('kc.detail.realised')} / target · {t('kc.report.cumulative')}
      </Text>
    </Paper>
  );
}

function Reports({ p, onUpdate }: { p: ProgrammeDetail; onUpdate: (year: number, quarter: number) => void }) {
  const { t, formatDecimal, formatDateTime } = useI18n();
  const { regionCode } = useRegion();
  const queryClient = useQueryClient();
  const [toRemove, setToRemove] = useState<{ year: number; quarter: number; id: string; name: string } | null>(null);
  const remove = useMutation({
    mutationFn: (e: { year: number; quarter: number; id: string }) => removeProgressEvidence(regionCode, p.id, e.year, e.quarter, e.id),
    onSuccess: async () => {
      setToRemove(null);
      await queryClient.invalidateQueries({ queryKey: kotaCerdasKey(regionCode) });
    },
  });
  const outputName = new Map(p.outputs.map((o) => [o.id, `${o.kpiName} (${o.unitOfMeasure})`]));
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('kc.detail.reports')}
      </Title>
      <ConfirmDialog
        opened={toRemove !== null}
        title={t('kc.detail.removeEvidenceTitle')}
        message={t('kc.detail.removeEvidence', { file: toRemove?.name ?? '' })}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => toRemove && remove.mutate(toRemove)}
        onClose={() => setToRemove(null)}
      />
      {p.reports.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('kc.detail.noReports')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {p.reports.map((r) => (
            <Card key={r.id} withBorder radius="sm" padding="sm">
              <Stack gap={6}>
                <Group justify="space-between" gap="xs">
                  <Title order={3} size="h5">
                    TW{r.quarter} {r.year}
                  </Title>
                  <Group gap="xs">
                    <StatusBadge status={r.status} />
                    {p.canReport ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => onUpdate(r.year, r.quarter)}
                        aria-label={t('kc.detail.reportThis', { year: r.year, quarter: r.quarter })}
                      >
                        {t('kc.detail.update')}
                      </Button>
                    ) : null}
                  </Group>
                </Group>
                {r.obstacle ? (
                  <Text size="sm" c="red.8">
                    <b>{t('kc.detail.obstacle')}:</b> {r.obstacle}
                  </Text>
                ) : null}
                {r.figures.map((f) => (
                  <Text key={f.outputId} size="sm">
                    {outputName.get(f.outputId) ?? ''}: <b>{formatDecimal(f.realised)}</b>
                  </Text>
                ))}
                <Text size="sm">
                  {t('kc.detail.budget')}: Rp {formatRupiah(r.budgetRealised)}
                </Text>
                {r.note ? (
                  <Text size="sm" c="dimmed">
                    {t('kc.detail.note')}: {r.note}
                  </Text>
                ) : null}
                <Group gap={6}>
                  <Text size="xs" fw={600}>
                    {t('kc.detail.evidence')}:
                  </Text>
                  {r.evidence.length === 0 ? (
                    <Text size="xs" c="dimmed">
                      {t('kc.detail.noEvidence')}
                    </Text>
                  ) : (
                    r.evidence.map((e) => (
                      <Group key={e.id} gap={2} wrap="nowrap">
                        <Anchor size="xs" href={progressEvidenceUrl(regionCode, p.id, r.year, r.quarter, e.id)} target="_blank">
                          {e.fileName ?? e.title}
                        </Anchor>
                        {p.canReport ? (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            size="sm"
                            aria-label={t('kc.detail.removeEvidenceLabel', { file: e.fileName ?? e.title })}
                            onClick={() => setToRemove({ year: r.year, quarter: r.quarter, id: e.id, name: e.fileName ?? e.title })}
                          >
                            <IconX size={14} aria-hidden />
                          </ActionIcon>
                        ) : null}
                      </Group>
                    ))
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {t('kc.detail.reportedBy', { who: r.reportedByName ?? '–', at: formatDateTime(r.updatedAt) })}
                </Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
