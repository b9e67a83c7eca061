import { AppError, type ErrorKind } from '../../api/errors';
import { PackageError } from '../../exchange/package-errors';

/**
 * PackageError → AppError at the API boundary. The cast goes away once the PACKAGE_* kinds are in
 * ERROR_KINDS (api/errors.ts); until then the kind still travels unchanged in the envelope.
 */
export function toAppError(err: unknown): unknown {
  if (err instanceof PackageError) {
    return new AppError(err.kind as unknown as ErrorKind, err.message, { reason: err.reason, ...(err.details ?? {}) });
  }
  return err;
}

/** Runs fn and rethrows a PackageError as an AppError. */
export async function mapPackageErrors<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toAppError(err);
  }
}
