/**
 * Hasil nasional: after the region's final, the national evaluation as the external assessors run it.
 * The stages (forward only, confirmed), the three indices side by side (claimed, the region's own
 * verification, national) with the gaps, the LHE decree, and the assessor's sheet per indicator with
 * a bar of the gap (national − claimed). Admins key in the sheet or import it from XLSX (a template of
 * the framework's indicators to fill; checked first).
 * On a phone the sheet becomes cards.
 */
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  changeNationalStage,
  importNational,
  type NationalEvaluation,
  type NationalImportReport,
  type NationalItem,
  nationalKey,
  nationalQueryOptions,
  nationalTemplateUrl,
  openNational,
  recordLhe,
  updateNationalItem,
} from '../../api/national.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { XlsxImport } from '../../components/xlsx-import.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.id.ts';

const STAGES = ['penilaian_dokumen', 'interview', 'visitasi', 'hasil'] as const;
type Stage = (typeof STAGES)[number];
const stageKey = (s: Stage) => `lhe.stage.${s}` as MessageKey;

export function NationalPanel({ regionCode, assessmentId }: { regionCode: string; assessmentId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const query = useQuery(nationalQueryOptions(regionCode, assessmentId));
  const open = useMutation({
    mutationFn: () => openNational(regionCode, assessmentId),
    onSuccess: (data) => queryClient.setQueryData(nationalKey(regionCode, assessmentId), data),
  });
  if (query.isPending) return <Skeleton h={320} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const n = query.data;
  if (n.stage === null) {
    return (
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm" align="flex-start">
          <Text>{n.can.open ? t('lhe.emptyReady') : t('lhe.empty')}</Text>
          <FormErrorAlert error={open.error} />
          {n.can.open ? (
            <Button onClick={() => open.mutate()} loading={open.isPending}>
              {t('lhe.open')}
            </Button>
          ) : null}
        </Stack>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      <StageCard regionCode={regionCode} national={n} />
      <FiguresCard national={n} />
      <LheCard regionCode={regionCode} national={n} />
      <SheetCard regionCode={regionCode} national={n} />
    </Stack>
  );
}

function StageCard({ regionCode, national: n }: { regionCode: string; national: NationalEvaluation }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<Stage | null>(null);
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const advance = useMutation({
    mutationFn: (stage: Stage) => changeNationalStage(regionCode, n.assessmentId, { stage, version: n.version ?? 0 }),
    onSuccess: (data) => {
      queryClient.setQueryData(nationalKey(regionCode, n.assessmentId), data);
      setTarget(null);
    },
  });
  const active = n.stage ? STAGES.indexOf(n.stage) : 0;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('lhe.stages')}
        </Title>
        <Stepper
          active={n.stage === 'hasil' ? STAGES.length : active}
          size="sm"
          allowNextStepsSelect={false}
          orientation={isPhone ? 'vertical' : 'horizontal'}
        >
          {STAGES.map((s) => (
            <Stepper.Step key={s} label={t(stageKey(s))} />
          ))}
        </Stepper>
        {n.can.advance ? (
          <Group gap="xs">
            {n.nextStages.map((s) => (
              <Button key={s} variant={s === 'visitasi' ? 'default' : 'filled'} size="sm" onClick={() => setTarget(s)}>
                {t('lhe.advanceTo', { stage: t(stageKey(s)) })}
              </Button>
            ))}
          </Group>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={target !== null}
        title={target ? t('lhe.advanceTo', { stage: t(stageKey(target)) }) : ''}
        message={target ? t('lhe.advanceConfirm', { stage: t(stageKey(target)) }) : ''}
        confirmLabel={target ? t('lhe.advanceTo', { stage: t(stageKey(target)) }) : ''}
        isPending={advance.isPending}
        error={advance.error}
        onConfirm={() => target && advance.mutate(target)}
        onClose={() => {
          setTarget(null);
          advance.reset();
        }}
      />
    </Paper>
  );
}

function FigureBox({ label, figure, strong }: { label: string; figure: NationalEvaluation['national']; strong?: boolean }) {
  const { formatDecimal } = useI18n();
  return (
    <Paper withBorder radius="md" p="sm" bg={strong ? 'var(--mantine-color-blue-light)' : undefined}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={30} fw={800} lh={1.2} data-testid={strong ? 'national-index' : undefined}>
        {figure.index === null ? '–' : formatDecimal(figure.index)}
      </Text>
      <Text size="sm">{[figure.predicate, figure.valueName].filter(Boolean).join(' · ') || '\u00a0'}</Text>
    </Paper>
  );
}

function FiguresCard({ national: n }: { national: NationalEvaluation }) {
  const { t, formatDecimal } = useI18n();
  const gap = (v: string | null) => (v === null ? '–' : `${v.startsWith('-') ? '' : '+'}${formatDecimal(v)}`);
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <FigureBox label={t('lhe.claimed')} figure={n.claimed} />
          <FigureBox label={t('lhe.verified')} figure={n.verified} />
          <FigureBox label={t('lhe.national')} figure={n.national} strong />
        </SimpleGrid>
        <Text size="sm" data-testid="national-gap">
          {t('lhe.gapLine', { claimed: gap(n.gapClaimed), verified: gap(n.gapVerified) })}
        </Text>
        {!n.national.complete ? (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            {t('lhe.provisional', { n: n.national.missing })}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

function LheCard({ regionCode, national: n }: { regionCode: string; national: NationalEvaluation }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [number, setNumber] = useState(n.decreeNumber ?? '');
  const [date, setDate] = useState(n.decreeDate ?? '');
  const [notes, setNotes] = useState(n.notes);
  const save = useMutation({
    mutationFn: () => recordLhe(regionCode, n.assessmentId, { decreeNumber: number, decreeDate: date, notes, version: n.version ?? 0 }),
    onSuccess: (data) => {
      queryClient.setQueryData(nationalKey(regionCode, n.assessmentId), data);
      notifications.show({ color: 'green', message: t('lhe.saved') });
      setEditing(false);
    },
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('lhe.lheTitle')}
          </Title>
          {n.can.recordLhe && !editing ? (
            <Button size="sm" variant="default" onClick={() => setEditing(true)}>
              {t(n.decreeNumber ? 'lhe.recordEdit' : 'lhe.record')}
            </Button>
          ) : null}
        </Group>
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Stack gap="sm">
              <FormErrorAlert error={save.error} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('lhe.decreeNumber')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} required />
                <TextInput label={t('lhe.decreeDate')} type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
              </SimpleGrid>
              <Textarea label={t('lhe.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
              <Group gap="xs">
                <Button type="submit" loading={save.isPending}>
                  {t('lhe.save')}
                </Button>
                <Button variant="default" onClick={() => setEditing(false)}>
                  {t('lhe.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : n.decreeNumber && n.decreeDate ? (
          <Stack gap={4}>
            <Text size="sm" data-testid="lhe-decree">
              {t('lhe.lheLine', { number: n.decreeNumber, date: formatDate(n.decreeDate) })}
            </Text>
            {n.notes ? (
              <Text size="sm" c="dimmed">
                {n.notes}
              </Text>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('lhe.noLhe')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** A bar of the gap, national − claimed, around a centre line (−2 … +2 fills the half-width). */
function GapBar({ gap }: { gap: string | null }) {
  const { formatDecimal } = useI18n();
  if (gap === null) return <Text size="sm">–</Text>;
  const value = Number(gap);
  const width = Math.min(Math.abs(value) / 2, 1) * 50;
  const color = value < 0 ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-teal-6)';
  return (
    <Group gap={6} wrap="nowrap">
      <Box w={80} h={10} pos="relative" bg="var(--mantine-color-gray-1)" style={{ borderRadius: 2 }} aria-hidden>
        <Box pos="absolute" top={0} h={10} w={`${width}%`} left={value < 0 ? `${50 - width}%` : '50%'} bg={color} />
        <Box pos="absolute" top={0} h={10} w={1} left="50%" bg="var(--mantine-color-gray-6)" />
      </Box>
      <Text size="sm" fw={600} c={value < 0 ? 'red.9' : value > 0 ? 'teal.9' : undefined}>
        {value > 0 ? '+' : ''}
        {formatDecimal(gap)}
      </Text>
    </Group>
  );
}

function Flags({ item }: { item: NationalItem }) {
  const { t } = useI18n();
  const flag = (on: boolean, key: MessageKey) => (
    <Badge size="sm" variant={on ? 'light' : 'outline'} color={on ? 'teal' : 'gray'} leftSection={on ? <IconCheck size={10} aria-hidden /> : null}>
      {t(key)}
    </Badge>
  );
  return (
    <Group gap={4}>
      {flag(item.isUploaded, 'lhe.uploaded')}
      {flag(item.isInterviewed, 'lhe.interviewed')}
      {flag(item.isApproved, 'lhe.approved')}
    </Group>
  );
}

function PromisedEvidence({ item }: { item: NationalItem }) {
  const { t, formatDate } = useI18n();
  if (!item.promisedEvidence) return null;
  return (
    <Text size="xs">
      {t('lhe.promised')}: {item.promisedEvidence}
      {item.promisedDue ? ` · ${formatDate(item.promisedDue)}` : ''}
      {item.isPromiseDelivered ? ` · ${t('lhe.delivered')}` : ''}
      {item.isPromiseOverdue ? (
        <Badge ml={6} size="xs" color="red" leftSection={<IconAlertTriangle size={10} aria-hidden />}>
          {t('lhe.overdue')}
        </Badge>
      ) : null}
    </Text>
  );
}

function SheetCard({ regionCode, national: n }: { regionCode: string; national: NationalEvaluation }) {
  const { t, formatDecimal } = useI18n();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [editing, setEditing] = useState<NationalItem | null>(null);
  const [importing, setImporting] = useState(false);
  const dec = (v: string | null) => (v === null ? '–' : formatDecimal(v));
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('lhe.sheet')}
          </Title>
          {n.can.edit ? (
            <Button size="sm" variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => setImporting(true)}>
              {t('lhe.import')}
            </Button>
          ) : null}
        </Group>
        {isPhone ? (
          <Stack gap="xs">
            {n.items.map((i) => (
              <Paper key={i.id} withBorder p="sm" radius="sm">
                <Stack gap={4}>
                  <Text fw={700} size="sm">
                    {i.indicatorId}. {i.name}
                  </Text>
                  <Text size="sm">
                    {t('lhe.claimed')}: {dec(i.claimed)} · {t('lhe.verified')}: {dec(i.verified)} · {t('lhe.national')}: <b>{dec(i.assessorValue)}</b>
                  </Text>
                  <GapBar gap={i.gapClaimed} />
                  <Flags item={i} />
                  {i.rekomendasi ? <Text size="xs">{i.rekomendasi}</Text> : null}
                  <PromisedEvidence item={i} />
                  {n.can.edit ? (
                    <Button size="xs" variant="default" onClick={() => setEditing(i)} aria-label={`${t('lhe.edit')} ${i.indicatorId}`}>
                      {t('lhe.edit')}
                    </Button>
                  ) : null}
                </Stack>
              </Paper>
            ))}
          </Stack>
        ) : (
          <ScrollRegion label={t('lhe.sheet')} minWidth={980}>
            <Table striped verticalSpacing={6} aria-label={t('lhe.sheet')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('lhe.indicator')}</Table.Th>
                  <Table.Th ta="right">{t('lhe.claimed')}</Table.Th>
                  <Table.Th ta="right">{t('lhe.verified')}</Table.Th>
                  <Table.Th ta="right">{t('lhe.national')}</Table.Th>
                  <Table.Th>{t('lhe.gap')}</Table.Th>
                  <Table.Th>{t('lhe.flags')}</Table.Th>
                  <Table.Th>{t('lhe.rekomendasi')}</Table.Th>
                  {n.can.edit ? <Table.Th /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {n.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td maw={260}>
                      <Text size="sm">
                        {i.indicatorId}. {i.name}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{dec(i.claimed)}</Table.Td>
                    <Table.Td ta="right">{dec(i.verified)}</Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {dec(i.assessorValue)}
                    </Table.Td>
                    <Table.Td>
                      <GapBar gap={i.gapClaimed} />
                    </Table.Td>
                    <Table.Td>
                      <Flags item={i} />
                    </Table.Td>
                    <Table.Td maw={280}>
                      <Text size="xs">{i.rekomendasi || i.catatan}</Text>
                      <PromisedEvidence item={i} />
                    </Table.Td>
                    {n.can.edit ? (
                      <Table.Td>
                        <Button size="xs" variant="default" onClick={() => setEditing(i)} aria-label={`${t('lhe.edit')} ${i.indicatorId}`}>
                          {t('lhe.edit')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('lhe.editTitle', { id: editing.indicatorId }) : ''}
        size="lg"
      >
        {editing ? <ItemForm regionCode={regionCode} assessmentId={n.assessmentId} item={editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
      <Modal opened={importing} onClose={() => setImporting(false)} title={t('lhe.importTitle')} size="lg">
        <ImportForm regionCode={regionCode} assessmentId={n.assessmentId} onDone={() => setImporting(false)} />
      </Modal>
    </Paper>
  );
}

function ItemForm({ regionCode, assessmentId, item, onDone }: { regionCode: string; assessmentId: string; item: NationalItem; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [v, setV] = useState({
    isUploaded: item.isUploaded,
    isInterviewed: item.isInterviewed,
    isApproved: item.isApproved,
    catatan: item.catatan,
    rekomendasi: item.rekomendasi,
    promisedEvidence: item.promisedEvidence ?? '',
    promisedDue: item.promisedDue ?? '',
    isPromiseDelivered: item.isPromiseDelivered,
    assessorValue: item.assessorValue ?? '',
  });
  const save = useMutation({
    mutationFn: () =>
      updateNationalItem(regionCode, assessmentId, item.id, {
        ...v,
        promisedEvidence: v.promisedEvidence || null,
        promisedDue: v.promisedDue || null,
        assessorValue: v.assessorValue.replace(',', '.') || null,
        version: item.version,
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(nationalKey(regionCode, assessmentId), data);
      notifications.show({ color: 'green', message: t('lhe.saved') });
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <FormErrorAlert error={save.error} />
        <TextInput
          label={t('lhe.assessorValue')}
          value={v.assessorValue}
          onChange={(e) => setV({ ...v, assessorValue: e.currentTarget.value })}
          inputMode="decimal"
        />
        <Group gap="lg">
          <Checkbox label={t('lhe.uploaded')} checked={v.isUploaded} onChange={(e) => setV({ ...v, isUploaded: e.currentTarget.checked })} />
          <Checkbox label={t('lhe.interviewed')} checked={v.isInterviewed} onChange={(e) => setV({ ...v, isInterviewed: e.currentTarget.checked })} />
          <Checkbox label={t('lhe.approved')} checked={v.isApproved} onChange={(e) => setV({ ...v, isApproved: e.currentTarget.checked })} />
        </Group>
        <Textarea label={t('lhe.catatan')} value={v.catatan} onChange={(e) => setV({ ...v, catatan: e.currentTarget.value })} autosize minRows={2} />
        <Textarea
          label={t('lhe.rekomendasi')}
          value={v.rekomendasi}
          onChange={(e) => setV({ ...v, rekomendasi: e.currentTarget.value })}
          autosize
          minRows={2}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('lhe.promised')} value={v.promisedEvidence} onChange={(e) => setV({ ...v, promisedEvidence: e.currentTarget.value })} />
          <TextInput
            label={t('lhe.promisedDue')}
            type="date"
            value={v.promisedDue}
            onChange={(e) => setV({ ...v, promisedDue: e.currentTarget.value })}
          />
        </SimpleGrid>
        <Checkbox
          label={t('lhe.delivered')}
          checked={v.isPromiseDelivered}
          onChange={(e) => setV({ ...v, isPromiseDelivered: e.currentTarget.checked })}
        />
        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            {t('lhe.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('lhe.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The shared import dialog: the template to fill, a dry run as soon as a file is chosen, then the import. */
function ImportForm({ regionCode, assessmentId, onDone }: { regionCode: string; assessmentId: string; onDone: () => void }) {
  const { t, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  return (
    <XlsxImport<NationalImportReport>
      intro={t('lhe.importHelp')}
      templateUrl={nationalTemplateUrl(regionCode, assessmentId)}
      templateLabel={t('lhe.template')}
      runImport={(file, dryRun) => importNational(regionCode, assessmentId, file, dryRun)}
      summarise={(report) => ({
        rows: report.updated,
        text: (
          <Text size="sm" fw={600}>
            {t('lhe.importSummary', { n: formatNumber(report.updated), skipped: formatNumber(report.skipped) })}
          </Text>
        ),
      })}
      emptyText={(report) => t('lhe.importNothingFilled', { n: formatNumber(report.skipped) })}
      onImported={async (report) => {
        await queryClient.invalidateQueries({ queryKey: nationalKey(regionCode, assessmentId) });
        notifications.show({ color: 'green', message: t('lhe.imported', { n: report.updated }) });
      }}
      onDone={onDone}
    />
  );
}
