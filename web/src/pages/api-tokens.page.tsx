/**
 * Token API (regional admins): read-only tokens for the region's command-centre screens, issued,
 * listed and revoked here.
 */
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ApiTokensPanel } from '../features/api-tokens/api-tokens-panel.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';

export function ApiTokensPage() {
  const { t } = useI18n();
  const { regionCode, region, can } = useRegion();
  if (!can('users.write')) return <NoAccess />;
  return (
    <>
      <PageHeader title={t('apiTokens.title')} description={t('apiTokens.description', { region: region?.name ?? regionCode })} />
      <ApiTokensPanel regionCode={regionCode} />
    </>
  );
}
