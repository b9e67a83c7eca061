// Builds the Electron main process and the preload into dist-electron/ in one `vite build -c
// vite.electron.config.ts`. Two environments because they need two formats:
//  - main:    ESM (package.json is "type": "module", core uses import.meta.url, and several of its
//             dependencies ship ESM only). Our own code is bundled; every runtime dependency stays
//             external and is loaded from node_modules, which electron-builder ships anyway —
//             bundling better-sqlite3's native binding or playwright-core would break them.
//  - preload: one self-contained CommonJS file. A sandboxed preload cannot load ESM or any module
//             but 'electron', so nothing is external except 'electron'.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
};
const runtimeDeps = Object.keys(pkg.dependencies ?? {});
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function isExternalForMain(id: string): boolean {
  if (id === 'electron' || id.startsWith('electron/')) return true;
  if (builtins.has(id) || id.startsWith('node:')) return true;
  return runtimeDeps.some((dep) => id === dep || id.startsWith(`${dep}/`));
}

const outDir = 'dist-electron';

export default defineConfig({
  // No index.html, no public dir: only the two environments below are built.
  publicDir: false,
  logLevel: 'warn',
  builder: {
    async buildApp(builder) {
      const { main, preload } = builder.environments;
      if (!main || !preload) throw new Error('vite.electron.config: environments main and preload are required');
      await builder.build(main);
      await builder.build(preload);
    },
  },
  environments: {
    main: {
      consumer: 'server',
      resolve: { conditions: ['node', 'import', 'module', 'default'], external: true },
      build: {
        outDir,
        emptyOutDir: true,
        target: 'node22',
        ssr: true,
        minify: false,
        sourcemap: true,
        copyPublicDir: false,
        reportCompressedSize: false,
        rollupOptions: {
          // cli: the `fupin` command's bundle, so a start does not transpile the sources (bin/fupin.js)
          input: { main: 'electron/main/main.ts', cli: 'electron/cli/main.ts' },
          external: isExternalForMain,
          output: {
            format: 'es',
            entryFileNames: '[name].js',
            chunkFileNames: 'chunks/[name]-[hash].js',
          },
        },
      },
    },
    preload: {
      consumer: 'client',
      build: {
        outDir,
        emptyOutDir: false,
        target: 'chrome130',
        minify: false,
        sourcemap: true,
        copyPublicDir: false,
        modulePreload: false,
        reportCompressedSize: false,
        rollupOptions: {
          input: { preload: 'electron/preload/preload.ts' },
          external: ['electron'],
          output: {
            format: 'cjs',
            entryFileNames: '[name].cjs',
            // A sandboxed preload is a single script: no chunks to load.
            codeSplitting: false,
          },
        },
      },
    },
  },
});
