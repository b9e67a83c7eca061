// The layering of design.md §2, checked on the source text: only electron/main and
// electron/preload import Electron; core never reaches into main or preload; the renderer
// takes nothing from electron/ but the API contract's types; the preload loads nothing but
// Electron and its own bridge file at run time.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'dist-electron', '.git']);

interface ImportRef {
  specifier: string;
  /** `import type …` / `export type … from`: erased at build time. `import { type A }` is not. */
  typeOnly: boolean;
  line: number;
}

// Import clauses hold names, braces, commas, `*`, `as` and `type`: never quotes, parentheses,
// `=`, `:` or `;`, so a match cannot run on into the code that follows an export.
const CLAUSE = String.raw`[^;'"()=:]*?`;
const PATTERNS: { re: RegExp; typeGroup?: number; specGroup: number }[] = [
  { re: new RegExp(String.raw`^[ \t]*import\s+(type\s+)?${CLAUSE}\s*from\s*['"]([^'"]+)['"]`, 'gm'), typeGroup: 1, specGroup: 2 },
  { re: new RegExp(String.raw`^[ \t]*export\s+(type\s+)?${CLAUSE}\s*from\s*['"]([^'"]+)['"]`, 'gm'), typeGroup: 1, specGroup: 2 },
  { re: /^[ \t]*import\s*['"]([^'"]+)['"]/gm, specGroup: 1 },
  { re: /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*[,)]/g, specGroup: 1 },
  { re: /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g, specGroup: 1 },
];

function findImports(source: string): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const { re, typeGroup, specGroup } of PATTERNS) {
    for (const m of source.matchAll(re)) {
      const specifier = m[specGroup];
      if (specifier === undefined) continue;
      refs.push({
        specifier,
        typeOnly: typeGroup !== undefined && m[typeGroup] !== undefined,
        line: source.slice(0, m.index).split('\n').length,
      });
    }
  }
  return refs;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...sourceFiles(path));
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(path);
    }
  }
  return out;
}

const isElectronPackage = (specifier: string): boolean => /^(node:)?electron(\/|$)/.test(specifier);
const isRelative = (specifier: string): boolean => specifier.startsWith('./') || specifier.startsWith('../');
const within = (path: string, dir: string): boolean => path === dir || path.startsWith(dir + sep);
const rel = (path: string): string => relative(ROOT, path).split(sep).join('/');

function importsOf(file: string): (ImportRef & { target: string | null })[] {
  return findImports(readFileSync(file, 'utf8')).map((ref) => ({
    ...ref,
    target: isRelative(ref.specifier) ? resolve(dirname(file), ref.specifier) : null,
  }));
}

const ELECTRON_DIR = join(ROOT, 'electron');
const MAIN_DIR = join(ELECTRON_DIR, 'main');
const PRELOAD_DIR = join(ELECTRON_DIR, 'preload');
const CORE_DIR = join(ELECTRON_DIR, 'core');
const CONTRACT_DIR = join(CORE_DIR, 'api', 'contract');
const RENDERER_DIR = join(ROOT, 'renderer');

describe('the import scanner', () => {
  it('finds every form of import, and only type-only ones as type-only', () => {
    const src = [
      "import { app } from 'electron';",
      "import type { BrowserWindow } from 'electron/main';",
      'import {',
      '  a,',
      '  type B,',
      "} from '../core/x';",
      "import * as all from 'node:fs';",
      "import def, { named } from './y';",
      "import './side-effect';",
      "export { z } from './z';",
      "export type { T } from './t';",
      "export * from './star';",
      "const lazy = await import('./lazy');",
      "const cjs = require('electron');",
      "const fn = () => import(`./tpl`);",
      "export const notAnImport = 'from \"nowhere\"';",
      "export function f(x: string) { return x; } // from 'comment'",
    ].join('\n');
    const found = findImports(src).map((r) => `${r.typeOnly ? 'type ' : ''}${r.specifier}`).sort();
    expect(found).toEqual(
      [
        'electron',
        'type electron/main',
        '../core/x',
        'node:fs',
        './y',
        './side-effect',
        './z',
        'type ./t',
        './star',
        './lazy',
        'electron',
        './tpl',
      ].sort(),
    );
  });
});

describe('layering', () => {
  it('has sources to check', () => {
    expect(sourceFiles(CORE_DIR).length).toBeGreaterThan(10);
    expect(sourceFiles(MAIN_DIR).length).toBeGreaterThan(3);
    expect(sourceFiles(PRELOAD_DIR).length).toBeGreaterThan(0);
  });

  it("electron/core never imports 'electron' (nor anything else outside main and preload does)", () => {
    const files = [...sourceFiles(ELECTRON_DIR), ...sourceFiles(RENDERER_DIR), ...sourceFiles(join(ROOT, 'bin'))].filter(
      (f) => !within(f, MAIN_DIR) && !within(f, PRELOAD_DIR),
    );
    const bad = files.flatMap((f) => importsOf(f).filter((r) => isElectronPackage(r.specifier)).map((r) => `${rel(f)}:${r.line} ${r.specifier}`));
    expect(bad).toEqual([]);
  });

  it('electron/core does not reach into electron/main or electron/preload', () => {
    const bad = sourceFiles(CORE_DIR).flatMap((f) =>
      importsOf(f)
        .filter((r) => r.target !== null && (within(r.target, MAIN_DIR) || within(r.target, PRELOAD_DIR)))
        .map((r) => `${rel(f)}:${r.line} ${r.specifier}`),
    );
    expect(bad).toEqual([]);
  });

  it('renderer imports nothing from electron/ except `import type` from the API contract', () => {
    const bad = sourceFiles(RENDERER_DIR).flatMap((f) =>
      importsOf(f)
        .filter((r) => {
          if (isElectronPackage(r.specifier)) return true;
          if (r.target === null || !within(r.target, ELECTRON_DIR)) return false;
          return !(r.typeOnly && within(r.target, CONTRACT_DIR));
        })
        .map((r) => `${rel(f)}:${r.line} ${r.typeOnly ? 'import type ' : ''}${r.specifier}`),
    );
    expect(bad).toEqual([]);
  });

  it('the preload loads only electron and its own bridge file at run time', () => {
    const bad = sourceFiles(PRELOAD_DIR).flatMap((f) =>
      importsOf(f)
        .filter((r) => !r.typeOnly)
        .filter((r) => !(r.specifier === 'electron' || (r.target !== null && within(r.target, PRELOAD_DIR))))
        .map((r) => `${rel(f)}:${r.line} ${r.specifier}`),
    );
    expect(bad).toEqual([]);
    // ...and hands the page one object, never ipcRenderer itself.
    const preload = readFileSync(join(PRELOAD_DIR, 'preload.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    expect(preload).toMatch(/satisfies FupinBridge/);
  });
});
