// Typed error kinds travel across every door (IPC, HTTP, CLI). Electron keeps only the message
// of a thrown Error, so the kind is carried explicitly in the result envelope instead.
export const ERROR_KINDS = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'FORBIDDEN',
  'SCOPE_DENIED',
  'NOT_FOUND',
  'CONFLICT',
  'ROW_INVALID',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'KEY_LOCKED',
  'BACKUP_INVALID',
  'DB_TOO_NEW',
  'HISTORY_MISMATCH',
  'MIGRATION_FAILED',
  'INTERNAL',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ApiError {
  kind: ErrorKind;
  message: string;
  /** Structured detail for the UI, e.g. per-field messages. Never personal data. */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An error a service throws on purpose; its message is Chinese and shown to the user as is. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const fail = (kind: ErrorKind, message: string, details?: unknown): never => {
  throw new AppError(kind, message, details);
};

export function toApiError(err: unknown): ApiError {
  if (err instanceof AppError) {
    return err.details === undefined
      ? { kind: err.kind, message: err.message }
      : { kind: err.kind, message: err.message, details: err.details };
  }
  // Unexpected errors may carry SQL or row values: never echo them to the user or a log line.
  return { kind: 'INTERNAL', message: '系统内部错误，操作未完成，数据未改变。请联系县扶贫办技术人员。' };
}
