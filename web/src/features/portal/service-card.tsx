/** One service in the portal's list: what it is, who gives it, how, its latest IKM, and the two things a citizen can do. */
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconMessageReport, IconStar } from '@tabler/icons-react';
import { Link } from 'react-router';
import { complaintFormPath, type PublicService, portalServicePath, surveyPath } from '../../api/portal.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChannelBadge, IkmBadge } from './portal-parts.tsx';

export function ServiceCard({ regionCode, service }: { regionCode: string; service: PublicService }) {
  const { t } = useI18n();
  return (
    <Card withBorder radius="md" padding="md" component="article" data-service-id={service.id}>
      <Stack gap="xs" h="100%">
        <Title order={2} size="h4" lh={1.3}>
          <Anchor component={Link} to={portalServicePath(regionCode, service.id)} inherit>
            {service.name}
          </Anchor>
        </Title>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconBuilding size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" c="dimmed">
            {service.unitName}
          </Text>
        </Group>
        <Group gap={6}>
          <ChannelBadge channel={service.channel} />
          {service.isDigital ? (
            <Badge variant="outline" radius="sm" color="indigo">
              {t('portal.digital')}
            </Badge>
          ) : null}
          {service.category ? (
            <Badge variant="outline" radius="sm" color="gray">
              {service.category}
            </Badge>
          ) : null}
        </Group>
        {service.description ? (
          <Text size="sm" lineClamp={2}>
            {service.description}
          </Text>
        ) : null}
        <IkmBadge ikm={service.ikm} />
        <Group gap="xs" mt="auto" pt="xs" grow preventGrowOverflow={false}>
          {service.surveyOpen ? (
            <Button component={Link} to={surveyPath(regionCode, service.id)} leftSection={<IconStar size={16} aria-hidden />}>
              {t('portal.survey.button')}
            </Button>
          ) : null}
          <Button
            component={Link}
            to={complaintFormPath(regionCode, service.id)}
            variant="light"
            leftSection={<IconMessageReport size={16} aria-hidden />}
          >
            {t('portal.complaint.button')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
