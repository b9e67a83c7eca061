import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsDir } from '../paths';

export interface Migration {
  idx: number;
  tag: string;
  /** SHA-256 of the SQL text: an applied migration whose file later changed is a different history. */
  hash: string;
  statements: string[];
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** The migrations shipped with this build, in order, read from drizzle-kit's output folder. */
export function loadShippedMigrations(dir: string = migrationsDir()): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries
    .slice()
    .sort((a, b) => a.idx - b.idx)
    .map((entry, position) => {
      if (entry.idx !== position) throw new Error(`migration journal has a gap at ${position}`);
      const sql = readFileSync(join(dir, `${entry.tag}.sql`), 'utf8');
      return {
        idx: entry.idx,
        tag: entry.tag,
        hash: createHash('sha256').update(sql).digest('hex'),
        statements: sql
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
    });
}
