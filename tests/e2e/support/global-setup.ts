import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The web server serves dist/renderer, so the tests must see the renderer as it is now, not a
 * build left over from yesterday. E2E_SKIP_BUILD=1 skips this when CI has just built it.
 */
export default function globalSetup(): void {
  mkdirSync(join(root, 'tests/artifacts/screens'), { recursive: true });
  if (process.env.E2E_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
