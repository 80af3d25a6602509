import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Component, type ReactNode } from 'react';

/**
 * The last resort when a page fails to render: a message in both languages (the language context may
 * be what failed) and a reload, instead of a blank screen.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { hasError: boolean }> {
  override state = { hasError: false };

  static getDerivedStateFromError(): { hasError: boolean } {
    return { hasError: true };
  }

  override render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <Center h="100dvh" p="md">
        <Stack align="center" gap="sm" maw={480} ta="center">
          <Title order={1} size="h3">
            Terjadi kesalahan pada halaman ini
          </Title>
          <Text c="dimmed" size="sm">
            Something went wrong on this page. Muat ulang untuk mencoba lagi. / Reload to try again.
          </Text>
          <Button onClick={() => window.location.reload()}>Muat ulang / Reload</Button>
        </Stack>
      </Center>
    );
  }
}
