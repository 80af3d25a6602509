/**
 * Publikasi nasional (the regional admin): which of the region's figures the public national page
 * shows. Nothing is published until the admin chooses; each save is versioned and audited.
 */
import { Alert, Anchor, Button, Card, Checkbox, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PUBLISHABLE_FIGURES, type PublishableFigure } from '#domain/nasional/publication.ts';
import { publicationKey, publicationQueryOptions, updatePublication } from '../../api/nasional.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';

export function PublicationPage() {
  const { t } = useI18n();
  const { regionCode, can } = useRegion();
  const queryClient = useQueryClient();
  const query = useQuery({ ...publicationQueryOptions(regionCode), enabled: can('national.publish') });
  const [chosen, setChosen] = useState<PublishableFigure[] | null>(null);
  const save = useMutation({
    mutationFn: (input: { figures: PublishableFigure[]; version: number }) => updatePublication(regionCode, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(publicationKey(regionCode), saved);
      setChosen(null);
      notifications.show({ color: 'green', message: t('publikasi.saved') });
    },
  });

  if (!can('national.publish')) return <NoAccess />;
  const data = query.data;
  const figures = chosen ?? data?.figures ?? [];

  return (
    <>
      <PageHeader title={t('publikasi.title')} description={t('publikasi.description')} />
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <TableSkeleton /> : null}
      {data ? (
        <Card withBorder maw={560}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ figures, version: data.version });
            }}
          >
            <Stack>
              <Checkbox.Group
                value={figures}
                onChange={(v) => setChosen(PUBLISHABLE_FIGURES.filter((f) => v.includes(f)))}
                label={t('publikasi.title')}
              >
                <Stack gap="xs" mt="xs">
                  {PUBLISHABLE_FIGURES.map((f) => (
                    <Checkbox key={f} value={f} label={t(`publikasi.figure.${f}`)} />
                  ))}
                </Stack>
              </Checkbox.Group>
              {data.figures.length === 0 ? <Alert color="gray">{t('publikasi.none')}</Alert> : null}
              {save.isError ? <FormErrorAlert error={save.error} /> : null}
              <Button type="submit" loading={save.isPending} disabled={chosen === null} w="fit-content">
                {t('publikasi.save')}
              </Button>
              <Text size="sm">
                <Anchor href="/nasional" target="_blank">
                  {t('publikasi.openPublic')}
                </Anchor>
              </Text>
            </Stack>
          </form>
        </Card>
      ) : null}
    </>
  );
}
