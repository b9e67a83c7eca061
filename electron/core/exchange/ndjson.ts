// NDJSON, one JSON value per '\n'-terminated line. Written and read in chunks so that a county
// snapshot (hundreds of MB) never becomes one giant string.
import { packageError } from './package-errors';

const CHUNK_CHARS = 4 * 1024 * 1024;
/** One registry row is a few KB; a line this long is not one of ours. */
export const MAX_LINE_BYTES = 1024 * 1024;

export class NdjsonWriter {
  private parts: Buffer[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
  lines = 0;

  /** A line that is already JSON text (e.g. from SQLite's json_object or the change log). */
  pushJson(json: string): void {
    this.pending.push(json);
    this.pendingChars += json.length + 1;
    this.lines++;
    if (this.pendingChars >= CHUNK_CHARS) this.flush();
  }

  push(value: unknown): void {
    this.pushJson(JSON.stringify(value));
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(Buffer.from(this.pending.join('\n') + '\n', 'utf8'));
    this.pending = [];
    this.pendingChars = 0;
  }

  bytes(): Uint8Array {
    this.flush();
    return Buffer.concat(this.parts);
  }
}

/** Calls `onValue` for each line's parsed value; names the file and line of any bad one. */
export function readNdjson(bytes: Uint8Array, fileName: string, onValue: (value: unknown, line: number) => void): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start = 0;
  let line = 0;
  while (start < buf.length) {
    let end = buf.indexOf(10, start);
    if (end < 0) end = buf.length;
    line++;
    if (end - start > MAX_LINE_BYTES) throw packageError('PACKAGE_CONTENT', 'LINE_TOO_LONG', `${fileName} 第 ${line} 行过长`);
    if (end > start) {
      let value: unknown;
      try {
        value = JSON.parse(buf.toString('utf8', start, end));
      } catch {
        throw packageError('PACKAGE_CONTENT', 'NDJSON_INVALID', `${fileName} 第 ${line} 行不是有效的 JSON`);
      }
      onValue(value, line);
    }
    start = end + 1;
  }
  return line;
}
