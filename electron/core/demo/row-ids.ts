// Row ids for the demo's bulk insert. Random v4 UUIDs scatter 860 000 inserts across every
// primary-key index and the change log's (table, row id) index, and once those indexes outgrow
// SQLite's page cache nearly every insert reads and rewrites a page somewhere else in the file.
// Time-ordered ids (the UUID version 7 layout: milliseconds, then a counter, then random bits)
// append at the end of each index instead. They stay globally unique — another fill has another
// time and another random tail — and are ordinary 36-character UUID strings.
import { randomBytes } from 'node:crypto';

const hex = (n: number, digits: number): string => n.toString(16).padStart(digits, '0');

/** Increasing, unique ids starting at `now`. */
export function sequentialIds(now: Date): () => string {
  const ms = now.getTime();
  const time = `${hex(Math.floor(ms / 0x10000), 8)}-${hex(ms % 0x10000, 4)}`;
  const tail = randomBytes(6).toString('hex');
  let counter = 0;
  return () => {
    // 12 bits of the counter after the version nibble 7, 14 more after the variant bits 10
    const high = Math.floor(counter / 0x4000);
    const low = counter % 0x4000;
    if (high > 0xfff) throw new Error('sequentialIds: more than 67 million ids in one run');
    counter += 1;
    return `${time}-7${hex(high, 3)}-${hex(0x8000 | low, 4)}-${tail}`;
  };
}
