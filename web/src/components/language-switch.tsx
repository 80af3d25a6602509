import { SegmentedControl } from '@mantine/core';
import { type Language, useI18n } from '../i18n/i18n.tsx';

/** ID / EN, remembered in localStorage. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={language}
      onChange={(value) => setLanguage(value as Language)}
      data={[
        { value: 'id', label: <span title="Bahasa Indonesia">ID</span> },
        { value: 'en', label: <span title="English">EN</span> },
      ]}
    />
  );
}
