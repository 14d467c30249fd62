import { readFileSync } from 'node:fs';
import { packageUrl } from '../core/packageUrl.js';

/** kopsim's version, from its package.json. */
export function kopsimVersion(): string {
  const pkg = JSON.parse(readFileSync(packageUrl('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
