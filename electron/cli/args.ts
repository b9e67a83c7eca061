import { parseArgs } from 'node:util';
import { defaultDbPath } from '../core/paths';
import { AppError } from '../core/api/errors';

export type Flags = Record<string, string | boolean | undefined>;

/** Splits argv into positionals and --flags; every flag takes a value unless listed as boolean. */
export function parse(argv: string[], booleans: string[] = []): { positionals: string[]; flags: Flags } {
  const names = new Set<string>();
  for (const a of argv) if (a.startsWith('--')) names.add(a.slice(2).split('=')[0]!);
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const n of names) options[n] = { type: booleans.includes(n) ? 'boolean' : 'string' };
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: false });
  return { positionals, flags: values as Flags };
}

export function str(flags: Flags, name: string, fallback?: string): string {
  const v = flags[name];
  if (typeof v === 'string' && v !== '') return v;
  if (fallback !== undefined) return fallback;
  throw new AppError('INVALID_INPUT', `缺少参数 --${name}`);
}

export const dbOf = (flags: Flags): string => str(flags, 'db', defaultDbPath());
