/** The shell of the public service portal: phone first, no login. */
import { Container } from '@mantine/core';
import { Outlet } from 'react-router';

export function PortalLayout() {
  return (
    <Container component="main" id="main" size="md" py="md">
      <Outlet />
    </Container>
  );
}
