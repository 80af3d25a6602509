/**
 * Rencana aksi (/rencana-aksi): every action-plan task of the region across assessments and years,
 * open ones by default, overdue flagged; search by task, recommendation or indicator number; each
 * task links to its assessment. Managers add a task by hand on a final SPBE or Pemdi assessment.
 */
import { Button, Group, Modal, Paper, SegmentedControl, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isSmartCityFramework } from '#domain/assessments/evaluation.ts';
import { assessmentListQueryOptions } from '../api/assessments.api.ts';
import { regionTasksKey, regionTasksQueryOptions } from '../api/national.api.ts';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { statusKey, TaskList } from '../features/assessments/action-plan-panel.tsx';
import { TaskCreateForm } from '../features/assessments/task-create-form.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';

const FILTERS = ['open', 'all', 'selesai'] as const;

export function ActionPlanPage() {
  const { t } = useI18n();
  const { regionCode, can } = useRegion();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>('open');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const canRead = can('assessments.read');
  const canManage = can('assessments.manage');
  const [isAdding, setAdding] = useState(false);
  const query = useQuery({ ...regionTasksQueryOptions(regionCode, status, q), enabled: canRead, placeholderData: keepPreviousData });
  // A task belongs to an assessment whose national evaluation is open: SPBE and Pemdi, after the region's final.
  const assessments = useQuery({ ...assessmentListQueryOptions(regionCode), enabled: canManage && isAdding });
  const assessmentOptions = (assessments.data?.items ?? [])
    .filter((a) => a.stage === 'final' && !isSmartCityFramework(a.frameworkId))
    .sort((a, b) => b.year - a.year)
    .map((a) => ({ value: a.id, label: `${a.frameworkName} ${a.year}` }));
  if (!canRead) return <NoAccess />;
  return (
    <>
      <PageHeader
        title={t('plan.title')}
        description={t('plan.pageDescription')}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('plan.add')}
            </Button>
          ) : null
        }
      />
      <Modal opened={isAdding} onClose={() => setAdding(false)} title={t('plan.addTitle')} size="lg">
        <TaskCreateForm regionCode={regionCode} assessmentId={null} assessments={assessmentOptions} onDone={() => setAdding(false)} />
      </Modal>
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            value={status}
            onChange={setStatus}
            data={FILTERS.map((f) => ({ value: f, label: t(statusKey(f)) }))}
            aria-label={t('plan.status')}
          />
          <TextInput
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            placeholder={t('plan.search')}
            aria-label={t('plan.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            w={{ base: '100%', sm: 320 }}
          />
        </Group>
        {query.isPending ? (
          <Skeleton h={240} />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <Paper withBorder radius="md" p="lg">
            <Text c="dimmed">{t('plan.empty')}</Text>
          </Paper>
        ) : (
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('plan.count', { n: query.data.items.length })}
              </Text>
              <TaskList
                regionCode={regionCode}
                tasks={query.data.items}
                label={t('plan.title')}
                withYear
                withLink
                onChanged={() => void queryClient.invalidateQueries({ queryKey: regionTasksKey(regionCode) })}
              />
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  );
}
