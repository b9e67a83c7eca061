#!/usr/bin/env node
// The `fupin` command in a checkout. It runs the built bundle (dist-electron/cli.js, made by
// `npm run build`) when that is newer than every source file under electron/: loading the bundle
// takes a fraction of the time tsx needs to transpile the sources at each start. Otherwise, or with
// FUPIN_FROM_SOURCE=1, the TypeScript sources run through tsx, so an edit never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-electron', 'cli.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (process.env.FUPIN_FROM_SOURCE === '1' || !existsSync(bundle)) return false;
  return statSync(bundle).mtimeMs >= newestMtime(join(root, 'electron'));
}

let main;
if (bundleIsFresh()) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../electron/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
