// The station's own log lines. Personal data never goes in: callers pass a fixed context string,
// and for errors only the error's class and the first frame of its stack are written, never its
// message (SQLite and zod messages can quote row values).
export function logError(context: string, err: unknown): void {
  const name = err instanceof Error ? err.name : typeof err;
  const frame = err instanceof Error ? (err.stack?.split('\n')[1]?.trim() ?? '') : '';
  process.stderr.write(`[fupin] ${new Date().toISOString()} error in ${context}: ${name} ${frame}\n`);
}

export function logInfo(message: string): void {
  process.stderr.write(`[fupin] ${new Date().toISOString()} ${message}\n`);
}
