#!/usr/bin/env node
// The `sinergi` command. The server runs its TypeScript sources directly through tsx's loader,
// so there is no separate server build to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli/main.ts');
