/**
 * The public results of a competition (/hasil-kompetisi/:id), once published: per category the rank,
 * the innovation (linked to its catalogue page), the unit, the final score and the score per
 * criterion. Never a judge's sheet: the server sends only the aggregates.
 */
import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/http.ts';
import { publicResultsQuery } from '../../api/kompetisi.api.ts';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { ListEmpty } from '../../components/list-empty.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { kindLabel } from './kompetisi-labels.ts';

export function HasilKompetisiPage() {
  const { id = '' } = useParams();
  const { t, formatDate, formatDecimal } = useI18n();
  const results = useQuery(publicResultsQuery(id));
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  useDocumentTitle(results.data ? `${t('hasil.title', { name: results.data.competition.name })} · Sinergi` : 'Sinergi');
  if (results.isError) {
    if (isApiError(results.error, 'NOT_FOUND')) {
      return (
        <Stack>
          <Title order={1} size="h2">
            {t('hasil.unknownTitle')}
          </Title>
          <ListEmpty kind="empty" title={t('hasil.notPublished')} description={t('hasil.notPublishedText')} />
        </Stack>
      );
    }
    return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  }
  if (!results.data) return <FullPageLoader />;
  const r = results.data;
  // A national competition ranks units of several regions together: each row names its region.
  const acrossRegions = r.competition.regionCode === 'nasional';
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {t('hasil.title', { name: r.competition.name })}
        </Title>
        <Text c="dimmed" size="sm">
          {t(kindLabel(r.competition.kind))} · {r.competition.year} ·{' '}
          {t('hasil.decree', { number: r.decree.number, date: formatDate(r.decree.date) })}
        </Text>
      </div>
      {r.categories.map((c) => (
        <Paper key={c.code} withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {c.name}
          </Title>
          {c.ranking.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('hasil.emptyCategory')}
            </Text>
          ) : isMobile ? (
            <Stack gap="xs">
              {c.ranking.map((e) => (
                <Paper key={e.innovationId} withBorder radius="sm" p="sm">
                  <Text fw={800} size="sm">
                    {t('hasil.col.rank')} {e.rank} · {t('hasil.col.score')} {formatDecimal(e.score)}
                  </Text>
                  {r.voteShare && e.voteScore ? (
                    <Text size="sm">
                      {t('hasil.col.vote', { share: formatDecimal(r.voteShare) })}: {formatDecimal(e.voteScore)}
                    </Text>
                  ) : null}
                  <Anchor component={Link} to={`/katalog/${e.innovationId}`} fw={600}>
                    {e.name}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {acrossRegions && e.regionName ? `${e.unitName} · ${e.regionName}` : e.unitName}
                  </Text>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="xs" aria-label={c.name}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th ta="end">{t('hasil.col.rank')}</Table.Th>
                    <Table.Th>{t('hasil.col.innovation')}</Table.Th>
                    <Table.Th>{t('hasil.col.unit')}</Table.Th>
                    {acrossRegions ? <Table.Th>{t('hasil.col.region')}</Table.Th> : null}
                    <Table.Th ta="end">{t('hasil.col.score')}</Table.Th>
                    {r.voteShare ? <Table.Th ta="end">{t('hasil.col.vote', { share: formatDecimal(r.voteShare) })}</Table.Th> : null}
                    {r.criteria.map((k) => (
                      <Table.Th key={k.code} ta="end">
                        {k.name}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.ranking.map((e) => (
                    <Table.Tr key={e.innovationId}>
                      <Table.Td ta="end" fw={700}>
                        {e.rank}
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/katalog/${e.innovationId}`}>
                          {e.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{e.unitName}</Table.Td>
                      {acrossRegions ? <Table.Td>{e.regionName ?? ''}</Table.Td> : null}
                      <Table.Td ta="end" fw={700}>
                        {formatDecimal(e.score)}
                      </Table.Td>
                      {r.voteShare ? <Table.Td ta="end">{e.voteScore ? formatDecimal(e.voteScore) : '–'}</Table.Td> : null}
                      {r.criteria.map((k) => (
                        <Table.Td key={k.code} ta="end">
                          {e.perCriterion[k.code] ? formatDecimal(e.perCriterion[k.code] ?? '') : '–'}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
