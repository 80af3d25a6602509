import { PageHeader } from '../components/page-header.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function ComplaintFormPage() {
  const { t } = useI18n();
  return <PageHeader title={t('portal.title')} />;
}
