/** The version from package.json, reported by /api/health and written into backups. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
  version: string;
};
export const VERSION: string = pkg.version;
