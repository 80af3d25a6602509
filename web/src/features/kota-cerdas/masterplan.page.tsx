/**
 * Kota cerdas: the region's masterplan (the active one, or another chosen from the list) with its
 * vision and legal basis, the dimensions as cards with their elements, baseline and programmes (quick
 * wins first, progress bars with the figures beside them), the programme list with search and filters,
 * the funding table with exact totals, and the timeline. Downloads as PDF and XLSX. Admins create and
 * edit the masterplan, its structure and programmes; everyone with access reads.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconEdit, IconExternalLink, IconInfoCircle, IconPlus, IconSearch, IconUpload, IconUsersGroup } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  kotaCerdasKey,
  type MasterplanDetail,
  masterplanDocumentUrl,
  masterplanListQueryOptions,
  masterplanQueryOptions,
  masterplanReportUrl,
  portalSmartCityPath,
  programmeListQueryOptions,
  uploadMasterplanDocument,
} from '../../api/kota-cerdas.api.ts';
import { CollapsibleFilters } from '../../components/collapsible-filters.tsx';
import { DebouncedInput } from '../../components/debounced-input.tsx';
import { ListEmpty } from '../../components/list-empty.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { SortableTh } from '../../components/sortable-th.tsx';
import { TablePager } from '../../components/table-pager.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useErrorText } from '../../components/use-error-text.ts';
import { useListParams } from '../../components/use-list-params.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { EvaluationSection } from './evaluation-section.tsx';
import { FundingTable } from './funding-table.tsx';
import { isIn, KIND_COLORS, KIND_LABELS, PROGRAMME_KINDS, PROGRAMME_STATUSES, STATUS_LABELS } from './kota-cerdas-labels.ts';
import { MasterplanForm } from './masterplan-form.tsx';
import { ProgrammeForm } from './programme-form.tsx';
import { ProgressFigure, StatusBadge } from './progress-figure.tsx';
import { StructureForm } from './structure-form.tsx';
import { Timeline } from './timeline.tsx';

const TABS = ['dimensi', 'program', 'pendanaan', 'linimasa'] as const;
const FILTERS = ['mp', 'tab', 'q', 'dimensionId', 'kind', 'status', 'unitId'] as const;
const SORTS = ['kind', 'name', 'dimension', 'leadUnit', 'start'] as const;

type Dialog = 'create' | 'edit' | 'structure' | 'programme' | null;

export const programmePath = (id: string) => `/kota-cerdas/program/${encodeURIComponent(id)}`;

export function MasterplanPage() {
  const { t } = useI18n();
  const { regionCode, region, can } = useRegion();
  const navigate = useNavigate();
  const list = useListParams({ sorts: SORTS, defaultSort: 'kind', filters: FILTERS });
  const [dialog, setDialog] = useState<Dialog>(null);
  const plans = useQuery({ ...masterplanListQueryOptions(regionCode), enabled: can('smartcity.read') });
  const chosenId = list.filters.mp || plans.data?.items[0]?.id || '';
  const plan = useQuery({ ...masterplanQueryOptions(regionCode, chosenId), enabled: chosenId !== '' });

  if (!can('smartcity.read')) return <NoAccess />;
  const canManage = can('smartcity.manage');
  const detail = plan.data;
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title={t('kc.title')}
        description={t('kc.description', { region: region?.name ?? regionCode })}
        actions={
          detail ? (
            <>
              <Button
                component="a"
                href={masterplanReportUrl(regionCode, detail.id, 'pdf')}
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t('kc.downloadPdf')}
              </Button>
              <Button
                component="a"
                href={masterplanReportUrl(regionCode, detail.id, 'xlsx')}
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t('kc.downloadXlsx')}
              </Button>
              <Button
                component="a"
                href={portalSmartCityPath(regionCode)}
                target="_blank"
                variant="subtle"
                leftSection={<IconExternalLink size={16} aria-hidden />}
              >
                {t('kc.publicPage')}
              </Button>
              <Button component={Link} to="/kota-cerdas/dewan" variant="subtle" leftSection={<IconUsersGroup size={16} aria-hidden />}>
                {t('nav.councils')}
              </Button>
              {canManage ? (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('programme')}>
                  {t('kc.addProgramme')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {plans.isError ? <QueryError error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      {plans.isPending ? <TableSkeleton /> : null}
      {plans.data && plans.data.items.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <ListEmpty
            kind="empty"
            title={t('kc.empty.title')}
            description={canManage ? t('kc.empty.text') : t('kc.empty.readOnly')}
            actions={
              canManage ? (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('create')}>
                  {t('kc.create')}
                </Button>
              ) : undefined
            }
          />
        </Paper>
      ) : null}
      {plan.isError ? <QueryError error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {detail ? (
        <Stack gap="lg">
          <MasterplanHeader
            plan={detail}
            plans={plans.data?.items ?? []}
            canManage={canManage}
            onChoose={(id) => list.setFilter('mp', id)}
            onEdit={() => setDialog('edit')}
            onStructure={() => setDialog('structure')}
            onCreate={() => setDialog('create')}
          />
          <Tabs
            value={isIn(TABS, list.filters.tab) ? list.filters.tab : 'dimensi'}
            onChange={(v) => list.setFilter('tab', v ?? 'dimensi')}
            keepMounted={false}
          >
            <Tabs.List>
              <Tabs.Tab value="dimensi">{t('kc.tab.overview')}</Tabs.Tab>
              <Tabs.Tab value="program">{t('kc.tab.programmes')}</Tabs.Tab>
              <Tabs.Tab value="pendanaan">{t('kc.tab.funding')}</Tabs.Tab>
              <Tabs.Tab value="linimasa">{t('kc.tab.timeline')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="dimensi" pt="md">
              <Stack gap="md">
                <EvaluationSection plan={detail} />
                <DimensionCards plan={detail} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="program" pt="md">
              <ProgrammeList plan={detail} list={list} />
            </Tabs.Panel>
            <Tabs.Panel value="pendanaan" pt="md">
              <Paper withBorder radius="md" p="md">
                <Title order={2} size="h4" mb="sm">
                  {t('kc.funding.title')}
                </Title>
                <FundingTable funding={detail.funding} caption={detail.title} />
              </Paper>
            </Tabs.Panel>
            <Tabs.Panel value="linimasa" pt="md">
              <Paper withBorder radius="md" p="md">
                <Title order={2} size="h4">
                  {t('kc.timeline.title')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t('kc.timeline.hint')}
                </Text>
                <Timeline startYear={detail.startYear} endYear={detail.endYear} programmes={detail.programmes} linkTo={programmePath} />
              </Paper>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ) : null}

      <Modal
        opened={dialog === 'create' || dialog === 'edit'}
        onClose={close}
        title={t(dialog === 'edit' ? 'kc.form.editTitle' : 'kc.form.createTitle')}
        size="lg"
      >
        {dialog === 'create' || dialog === 'edit' ? (
          <MasterplanForm
            regionCode={regionCode}
            plan={dialog === 'edit' ? (detail ?? null) : null}
            onDone={(id) => {
              close();
              list.setFilter('mp', id);
            }}
          />
        ) : null}
      </Modal>
      <Modal opened={dialog === 'structure'} onClose={close} title={t('kc.structure.title')} size="xl">
        {dialog === 'structure' && detail ? <StructureForm regionCode={regionCode} plan={detail} onDone={close} /> : null}
      </Modal>
      <Modal opened={dialog === 'programme'} onClose={close} title={t('kc.prog.createTitle')} size="xl">
        {dialog === 'programme' && detail ? (
          <ProgrammeForm regionCode={regionCode} plan={detail} programme={null} onDone={(saved) => navigate(programmePath(saved.id))} />
        ) : null}
      </Modal>
    </>
  );
}

function MasterplanHeader({
  plan,
  plans,
  canManage,
  onChoose,
  onEdit,
  onStructure,
  onCreate,
}: {
  plan: MasterplanDetail;
  plans: { id: string; title: string; startYear: number; endYear: number; isActive: boolean }[];
  canManage: boolean;
  onChoose: (id: string) => void;
  onEdit: () => void;
  onStructure: () => void;
  onCreate: () => void;
}) {
  const { t, formatDate } = useI18n();
  const errorText = useErrorText();
  const { regionCode } = useRegion();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => uploadMasterplanDocument(regionCode, plan.id, file),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('kc.documentUploaded') });
      await queryClient.invalidateQueries({ queryKey: kotaCerdasKey(regionCode) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Group gap="xs">
              <Title order={2} size="h3">
                {plan.title}
              </Title>
              <Badge color={plan.isActive ? 'green' : 'gray'} variant="light">
                {t(plan.isActive ? 'kc.active' : 'kc.inactive')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('kc.period', { start: plan.startYear, end: plan.endYear })}
              {plan.rpjmdPeriod ? ` · ${plan.rpjmdPeriod}` : ''} · {t('kc.programmeCount', { n: plan.programmes.length })}
            </Text>
          </Stack>
          <Group gap="xs">
            {plans.length > 1 ? (
              <Select
                aria-label={t('kc.choose')}
                allowDeselect={false}
                data={plans.map((p) => ({ value: p.id, label: `${p.title} (${p.startYear}–${p.endYear})` }))}
                value={plan.id}
                onChange={(v) => v && onChoose(v)}
                w={260}
              />
            ) : null}
            {canManage ? (
              <>
                <Button variant="default" size="sm" leftSection={<IconEdit size={16} aria-hidden />} onClick={onEdit}>
                  {t('kc.edit')}
                </Button>
                <Button variant="default" size="sm" onClick={onStructure}>
                  {t('kc.editStructure')}
                </Button>
                <Button variant="subtle" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
                  {t('kc.create')}
                </Button>
              </>
            ) : null}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              {t('kc.vision')}
            </Text>
            <Text size="sm">{plan.vision || t('kc.visionEmpty')}</Text>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              {t('kc.legal')}
            </Text>
            <Text size="sm">
              {plan.perkadaNumber
                ? `${plan.perkadaNumber}${plan.perkadaDate ? ` ${t('kc.legalDate', { date: formatDate(plan.perkadaDate) })}` : ''}`
                : t('kc.legalNone')}
            </Text>
            {plan.documents.map((d) => (
              <Anchor key={d.id} href={masterplanDocumentUrl(regionCode, plan.id, d.id)} target="_blank" size="sm">
                {t('kc.document')}: {d.fileName ?? d.title}
              </Anchor>
            ))}
            {canManage ? (
              <Group>
                <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/pdf,image/png,image/jpeg">
                  {(props) => (
                    <Button {...props} variant="subtle" size="xs" leftSection={<IconUpload size={14} aria-hidden />} loading={upload.isPending}>
                      {t('kc.documentUpload')}
                    </Button>
                  )}
                </FileButton>
              </Group>
            ) : null}
          </Stack>
        </SimpleGrid>
        <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />} title={t('kc.progressRule')}>
          <Text size="sm">{plan.progressRule}</Text>
        </Alert>
      </Stack>
    </Paper>
  );
}

function DimensionCards({ plan }: { plan: MasterplanDetail }) {
  const { t, formatDecimal } = useI18n();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {plan.dimensions.map((d) => {
        const programmes = plan.programmes.filter((p) => p.dimensionId === d.id);
        return (
          <Card key={d.id} withBorder radius="md" padding="md">
            <Stack gap="xs">
              <Group justify="space-between" gap="xs">
                <Title order={3} size="h4">
                  {d.name}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('kc.programmeCount', { n: programmes.length })}
                </Text>
              </Group>
              <Group gap={6}>
                {d.elements.map((e) => (
                  <Badge key={e.id} variant="outline" color="gray" radius="sm" tt="none">
                    {e.name}
                  </Badge>
                ))}
              </Group>
              {d.baselineText || d.baselineFigure ? (
                <Text size="sm" c="dimmed">
                  {t('kc.baseline')}: {d.baselineText}
                  {d.baselineFigure ? ` — ${formatDecimal(d.baselineFigure)} ${d.baselineUnit ?? ''}` : ''}
                </Text>
              ) : null}
              {programmes.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('kc.noProgrammes')}
                </Text>
              ) : (
                <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {programmes.map((p) => (
                    <li key={p.id}>
                      <Group justify="space-between" gap="xs" wrap="wrap">
                        <Stack gap={0} style={{ minWidth: 0, flex: '1 1 200px' }}>
                          <Anchor component={Link} to={programmePath(p.id)} size="sm" fw={600}>
                            {p.name}
                          </Anchor>
                          <Group gap={6}>
                            <Badge size="xs" variant="light" color={KIND_COLORS[p.kind]}>
                              {t(KIND_LABELS[p.kind])}
                              {p.stage ? ` · ${p.stage}` : ''}
                            </Badge>
                            <Text size="xs" c="dimmed">
                              {p.leadUnitName}
                            </Text>
                          </Group>
                        </Stack>
                        <Group gap="xs" wrap="nowrap">
                          <StatusBadge status={p.status} />
                          <ProgressFigure name={p.name} progress={p.progress} width={90} />
                        </Group>
                      </Group>
                    </li>
                  ))}
                </Stack>
              )}
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

function ProgrammeList({
  plan,
  list,
}: {
  plan: MasterplanDetail;
  list: ReturnType<typeof useListParams<(typeof SORTS)[number], (typeof FILTERS)[number]>>;
}) {
  const { t } = useI18n();
  const { regionCode } = useRegion();
  const f = list.filters;
  const kind = isIn(PROGRAMME_KINDS, f.kind) ? f.kind : undefined;
  const status = isIn(PROGRAMME_STATUSES, f.status) ? f.status : undefined;
  const dimensionId = plan.dimensions.some((d) => d.id === f.dimensionId) ? f.dimensionId : undefined;
  const unitId = f.unitId || undefined;
  const query = useQuery(
    programmeListQueryOptions(regionCode, {
      masterplanId: plan.id,
      q: f.q.trim() || undefined,
      kind,
      status,
      dimensionId,
      unitId,
      sort: list.sort,
      order: list.order,
      page: list.page,
      pageSize: list.pageSize,
    }),
  );
  const sortProps = { sort: list.sort, order: list.order, onSort: list.toggleSort };
  const total = query.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / list.pageSize));
  const { setPage } = list;
  useEffect(() => {
    if (query.data && list.page > lastPage) setPage(lastPage);
  }, [query.data, list.page, lastPage, setPage]);
  const items = query.data?.items ?? [];
  const filtered = Boolean(f.q || kind || status || dimensionId || unitId);
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="sm" mb="md" align="flex-end">
        <DebouncedInput
          label={t('kc.list.search')}
          placeholder={t('kc.list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={f.q}
          onCommit={(v) => list.setFilter('q', v)}
          type="search"
          style={{ flex: '1 1 240px' }}
        />
        {list.sort !== 'kind' ? (
          <Button variant="subtle" size="sm" onClick={() => list.toggleSort('kind')}>
            {t('kc.list.quickWinsFirst')}
          </Button>
        ) : null}
        <CollapsibleFilters activeCount={[kind, status, dimensionId, unitId].filter(Boolean).length}>
          <Select
            label={t('kc.list.dimension')}
            placeholder={t('common.all')}
            clearable
            data={plan.dimensions.map((d) => ({ value: d.id, label: d.name }))}
            value={dimensionId ?? null}
            onChange={(v) => list.setFilter('dimensionId', v ?? '')}
            style={{ flex: '0 1 200px' }}
          />
          <Select
            label={t('kc.list.kind')}
            placeholder={t('common.all')}
            clearable
            data={PROGRAMME_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
            value={kind ?? null}
            onChange={(v) => list.setFilter('kind', v ?? '')}
            style={{ flex: '0 1 180px' }}
          />
          <Select
            label={t('kc.list.status')}
            placeholder={t('common.all')}
            clearable
            data={PROGRAMME_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABELS[s]) }))}
            value={status ?? null}
            onChange={(v) => list.setFilter('status', v ?? '')}
            style={{ flex: '0 1 180px' }}
          />
          <UnitSelect
            regionCode={regionCode}
            label={t('kc.list.unit')}
            placeholder={t('common.all')}
            clearable
            value={unitId ?? null}
            onChange={(unit) => list.setFilter('unitId', unit?.id ?? '')}
            style={{ flex: '1 1 240px' }}
          />
        </CollapsibleFilters>
      </Group>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <TableSkeleton /> : null}
      {query.data && items.length === 0 ? (
        filtered ? (
          <ListEmpty kind="no-match" title={t('kc.list.noMatch.title')} description={t('kc.list.noMatch.text')} />
        ) : (
          <ListEmpty kind="empty" title={t('kc.timeline.empty')} description={t('kc.noProgrammes')} />
        )
      ) : null}
      {items.length > 0 ? (
        <>
          <Table.ScrollContainer minWidth={980}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <SortableTh column="name" label={t('kc.col.programme')} {...sortProps} />
                  <SortableTh column="dimension" label={t('kc.col.dimension')} {...sortProps} />
                  <SortableTh column="leadUnit" label={t('kc.col.lead')} {...sortProps} />
                  <SortableTh column="start" label={t('kc.col.span')} {...sortProps} />
                  <Table.Th scope="col">{t('kc.col.status')}</Table.Th>
                  <Table.Th scope="col">{t('kc.col.progress')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td miw={220}>
                      <Stack gap={2}>
                        <Anchor component={Link} to={programmePath(p.id)} size="sm" fw={600}>
                          {p.name}
                        </Anchor>
                        <Badge size="xs" variant="light" color={KIND_COLORS[p.kind]} w="fit-content">
                          {t(KIND_LABELS[p.kind])}
                          {p.stage ? ` · ${p.stage}` : ''}
                        </Badge>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{p.dimensionName}</Text>
                      <Text size="xs" c="dimmed">
                        {p.elementName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{p.leadUnitName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {t('kc.span', { sq: p.startQuarter, sy: p.startYear, eq: p.endQuarter, ey: p.endYear })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td>
                      <ProgressFigure name={p.name} progress={p.progress} width={70} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <TablePager page={list.page} pageSize={list.pageSize} total={total} onPage={list.setPage} onPageSize={list.setPageSize} />
        </>
      ) : null}
    </Paper>
  );
}
