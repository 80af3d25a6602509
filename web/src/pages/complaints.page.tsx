/**
 * Pengaduan masuk: the complaints of the region (a unit's operator sees only the unit's own, scoped by
 * the server) in two tabs, the inbox and the statistics (`?tab=statistik`).
 */
import { Paper, Tabs } from '@mantine/core';
import { IconChartBar, IconInbox } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useListParams } from '../components/use-list-params.ts';
import { ComplaintInbox, INBOX_FILTERS, INBOX_SORTS } from '../features/complaints/complaint-inbox.tsx';
import { ComplaintStatsPanel } from '../features/complaints/complaint-stats.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';
import { useSignedInUser } from '../session/session.tsx';

export function ComplaintsPage() {
  const { t } = useI18n();
  const me = useSignedInUser();
  const { regionCode, region, can } = useRegion();
  const list = useListParams({ sorts: INBOX_SORTS, defaultSort: 'createdAt', defaultOrder: 'desc', filters: INBOX_FILTERS });
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'statistik' ? 'statistik' : 'masuk';

  if (!can('complaints.read')) return <NoAccess />;
  const isOperator = me.user.role === 'operator';

  return (
    <>
      <PageHeader
        title={t('complaints.inbox.title')}
        description={t(isOperator ? 'complaints.inbox.descriptionUnit' : 'complaints.inbox.description', {
          region: region?.name ?? regionCode,
          unit: me.user.unit?.name ?? '',
        })}
      />
      <Tabs
        value={tab}
        onChange={(value) =>
          setSearch(
            (current) => {
              // The two tabs keep their own state: the inbox's filters stay in the address, the tab is added on top.
              const next = new URLSearchParams(current);
              if (value === 'statistik') next.set('tab', 'statistik');
              else next.delete('tab');
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="masuk" leftSection={<IconInbox size={16} aria-hidden />}>
            {t('complaints.tab.inbox')}
          </Tabs.Tab>
          <Tabs.Tab value="statistik" leftSection={<IconChartBar size={16} aria-hidden />}>
            {t('complaints.tab.stats')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="masuk">
          <Paper withBorder radius="md" p="md">
            <ComplaintInbox regionCode={regionCode} list={list} showUnitFilter={!isOperator} />
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="statistik">
          <ComplaintStatsPanel regionCode={regionCode} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
