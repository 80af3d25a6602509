/**
 * The period per service: its population (the admin types it in place; it is saved on leaving the
 * field), the minimum sample the Krejcie–Morgan table gives for it, the answers so far against that
 * minimum ("74 dari 196" with a bar), whether the sample is enough, the IKM with its mutu, and where
 * citizens answer (the survey link, the QR poster to print, the counter kiosk). Then the same per unit.
 */
import { Badge, Box, Button, Group, Loader, Menu, NumberInput, Paper, Progress, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconDeviceTablet, IconExternalLink, IconQrcode } from '@tabler/icons-react';
import { useState } from 'react';
import { serviceKioskPath, servicePosterUrl } from '../../api/services.api.ts';
import { type IkmFigure, type SkmResults, type SkmServiceProgress, savePopulations, skmKey } from '../../api/skm.api.ts';
import { useErrorText } from '../../components/use-error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { roundDecimalText } from '../../components/decimal-text.ts';
import { IKM_PLACES } from './skm-decimal.ts';
import { GradeBadge } from './skm-status-badge.tsx';

export const surveyPath = (regionCode: string, serviceId: string) =>
  `/portal/${encodeURIComponent(regionCode)}/layanan/${encodeURIComponent(serviceId)}/survei`;

/** The IKM in its one precision with its letter, or a dash while nobody answered. */
export function IkmCell({ ikm }: { ikm: IkmFigure | null }) {
  const { formatDecimal } = useI18n();
  if (!ikm) return <Text c="dimmed">—</Text>;
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      <Text fw={700} size="sm" data-ikm>
        {formatDecimal(roundDecimalText(ikm.index, IKM_PLACES))}
      </Text>
      <GradeBadge grade={ikm.grade} size="sm" />
    </Group>
  );
}

function PopulationCell({ regionCode, periodId, row, canEdit }: { regionCode: string; periodId: string; row: SkmServiceProgress; canEdit: boolean }) {
  const { t, formatNumber } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<number | string>(row.population ?? '');
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (population: number | null) => savePopulations(regionCode, periodId, [{ serviceId: row.serviceId, population }]),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: skmKey(regionCode) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  if (!canEdit) return <Text size="sm">{row.population === null ? '—' : formatNumber(row.population)}</Text>;
  const commit = () => {
    const next = value === '' ? null : Number(value);
    if (next === row.population || (next !== null && !Number.isInteger(next))) return;
    setSaved(false);
    save.mutate(next);
  };
  return (
    <NumberInput
      size="xs"
      w={120}
      ml="auto"
      min={0}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator="."
      decimalSeparator=","
      hideControls
      placeholder={t('skm.services.populationPlaceholder')}
      aria-label={t('skm.services.populationLabel', { service: row.serviceName })}
      value={value}
      onChange={(v) => {
        setSaved(false);
        setValue(v);
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      rightSection={
        save.isPending ? (
          <Loader size={12} aria-label={t('skm.services.saving')} />
        ) : saved ? (
          <IconCheck size={14} color="var(--mantine-color-green-8)" aria-label={t('skm.services.saved')} />
        ) : null
      }
      error={save.isError}
    />
  );
}

function SampleProgress({ row, withLabel = false }: { row: SkmServiceProgress; withLabel?: boolean }) {
  const { t, formatNumber } = useI18n();
  if (row.minimumSample === null) {
    return (
      <Stack gap={0}>
        <Text size="sm">{t('skm.services.responsesOnly', { n: formatNumber(row.responses) })}</Text>
        <Text size="xs" c="dimmed">
          {t('skm.services.noPopulation')}
        </Text>
      </Stack>
    );
  }
  const percent = row.minimumSample === 0 ? 100 : Math.min(100, (row.responses / row.minimumSample) * 100);
  const text = t('skm.services.progress', { n: formatNumber(row.responses), min: formatNumber(row.minimumSample) });
  return (
    <Stack gap={4} miw={130}>
      <Text size="sm" data-progress>
        {withLabel ? `${t('skm.services.col.progress')}: ${text}` : text}
      </Text>
      <Progress value={percent} size="sm" color={row.sufficient ? 'green' : 'orange'} aria-label={text} />
    </Stack>
  );
}

function SufficientBadge({ sufficient }: { sufficient: boolean | null }) {
  const { t } = useI18n();
  if (sufficient === null) return <Text c="dimmed">—</Text>;
  return (
    <Badge variant="light" radius="sm" color={sufficient ? 'green' : 'orange'}>
      {t(sufficient ? 'skm.services.sufficientYes' : 'skm.services.sufficientNo')}
    </Badge>
  );
}

function CollectLinks({ regionCode, row }: { regionCode: string; row: SkmServiceProgress }) {
  const { t } = useI18n();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconQrcode size={16} aria-hidden />}
          aria-label={t('skm.services.collectLabel', { service: row.serviceName })}
        >
          {t('skm.services.collectShort')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          component="a"
          href={surveyPath(regionCode, row.serviceId)}
          target="_blank"
          leftSection={<IconExternalLink size={16} aria-hidden />}
        >
          {t('skm.services.surveyLink')}
        </Menu.Item>
        <Menu.Item component="a" href={servicePosterUrl(row.serviceId)} target="_blank" leftSection={<IconQrcode size={16} aria-hidden />}>
          {t('skm.services.poster')}
        </Menu.Item>
        <Menu.Item component="a" href={serviceKioskPath(row.serviceId)} target="_blank" leftSection={<IconDeviceTablet size={16} aria-hidden />}>
          {t('skm.services.kiosk')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function ServiceTable({ regionCode, results, canManage }: { regionCode: string; results: SkmResults; canManage: boolean }) {
  const { t } = useI18n();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const periodId = results.period.id;
  if (isMobile) {
    return (
      <Stack gap="sm">
        {results.services.map((row) => (
          <Paper key={row.serviceId} withBorder radius="sm" p="sm" data-service={row.serviceName}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {row.serviceName}
                </Text>
                <Text size="xs" c="dimmed">
                  {row.unitName}
                </Text>
              </Stack>
              <CollectLinks regionCode={regionCode} row={row} />
            </Group>
            <Group justify="space-between" align="center" mt="xs" gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed">
                {t('skm.services.col.population')}
              </Text>
              <PopulationCell
                key={`${row.serviceId}:${row.population ?? ''}`}
                regionCode={regionCode}
                periodId={periodId}
                row={row}
                canEdit={canManage}
              />
            </Group>
            <Group justify="space-between" gap="xs" mt={4}>
              <Text size="sm" c="dimmed">
                {t('skm.services.col.minimum')}
              </Text>
              <Box data-minimum>
                <MinimumSample value={row.minimumSample} />
              </Box>
            </Group>
            <Box mt={6}>
              <SampleProgress row={row} withLabel />
            </Box>
            <Group justify="space-between" mt="xs" gap="xs">
              <Group gap={6}>
                <Text size="sm" c="dimmed">
                  {t('skm.services.col.sufficient')}
                </Text>
                <SufficientBadge sufficient={row.sufficient} />
              </Group>
              <IkmCell ikm={row.ikm} />
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="xs" aria-label={t('skm.services.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('skm.services.col.service')}</Table.Th>
            <Table.Th ta="end">{t('skm.services.col.population')}</Table.Th>
            <Table.Th ta="end">{t('skm.services.col.minimum')}</Table.Th>
            <Table.Th>{t('skm.services.col.progress')}</Table.Th>
            <Table.Th>{t('skm.services.col.sufficient')}</Table.Th>
            <Table.Th ta="end">{t('skm.services.col.ikm')}</Table.Th>
            <Table.Th ta="end">
              <VisuallyHidden>{t('skm.services.collect')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.services.map((row) => (
            <Table.Tr key={row.serviceId} data-service={row.serviceName}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {row.serviceName}
                </Text>
                <Text size="xs" c="dimmed">
                  {row.unitName}
                </Text>
              </Table.Td>
              <Table.Td ta="end">
                <PopulationCell
                  key={`${row.serviceId}:${row.population ?? ''}`}
                  regionCode={regionCode}
                  periodId={periodId}
                  row={row}
                  canEdit={canManage}
                />
              </Table.Td>
              <Table.Td ta="end" data-minimum>
                <MinimumSample value={row.minimumSample} />
              </Table.Td>
              <Table.Td>
                <SampleProgress row={row} />
              </Table.Td>
              <Table.Td>
                <SufficientBadge sufficient={row.sufficient} />
              </Table.Td>
              <Table.Td ta="end">
                <IkmCell ikm={row.ikm} />
              </Table.Td>
              <Table.Td ta="end">
                <CollectLinks regionCode={regionCode} row={row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MinimumSample({ value }: { value: number | null }) {
  const { formatNumber } = useI18n();
  return <Text size="sm">{value === null ? '—' : formatNumber(value)}</Text>;
}

export function UnitTable({ results }: { results: SkmResults }) {
  const { t, formatNumber } = useI18n();
  const byUnit = new Map<string, { responses: number; services: number; sufficient: number }>();
  for (const s of results.services) {
    const u = byUnit.get(s.unitId) ?? { responses: 0, services: 0, sufficient: 0 };
    u.responses += s.responses;
    u.services += 1;
    if (s.sufficient) u.sufficient += 1;
    byUnit.set(s.unitId, u);
  }
  const units = [...results.units].sort((a, b) => a.unitName.localeCompare(b.unitName, 'id'));
  return (
    <Table striped verticalSpacing="xs" aria-label={t('skm.units.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('skm.units.col.unit')}</Table.Th>
          <Table.Th ta="end" visibleFrom="sm">
            {t('skm.units.col.services')}
          </Table.Th>
          <Table.Th ta="end">{t('skm.units.col.responses')}</Table.Th>
          <Table.Th ta="end" visibleFrom="sm">
            {t('skm.units.col.sufficient')}
          </Table.Th>
          <Table.Th ta="end">{t('skm.units.col.ikm')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {units.map((u) => {
          const counts = byUnit.get(u.unitId);
          return (
            <Table.Tr key={u.unitId}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {u.unitName}
                </Text>
              </Table.Td>
              <Table.Td ta="end" visibleFrom="sm">
                {formatNumber(counts?.services ?? 0)}
              </Table.Td>
              <Table.Td ta="end">{formatNumber(u.ikm?.responses ?? counts?.responses ?? 0)}</Table.Td>
              <Table.Td ta="end" visibleFrom="sm">
                {t('skm.units.sufficientOf', { n: formatNumber(counts?.sufficient ?? 0), of: formatNumber(counts?.services ?? 0) })}
              </Table.Td>
              <Table.Td ta="end">
                <IkmCell ikm={u.ikm} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
