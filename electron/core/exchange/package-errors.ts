// Why a package was refused: a kind per check (what the UI and the API react to) and a finer
// reason (which part of the check failed). Messages are Chinese, shown to the clerk as they are,
// and never contain personal data: rows are named by table and id, not by name or ID number.

/** One kind per receiving check, in the order the checks run, plus the moving and applying ones. */
export const PACKAGE_ERROR_KINDS = [
  'PACKAGE_FORMAT',
  'PACKAGE_TOO_LARGE',
  'PACKAGE_ZIP_BOMB',
  'PACKAGE_RECIPIENT',
  'PACKAGE_UNKNOWN_KEY',
  'PACKAGE_SIGNATURE',
  'PACKAGE_EXPIRED',
  'PACKAGE_HASH',
  'PACKAGE_REPLAY',
  'PACKAGE_GAP',
  'PACKAGE_FORK',
  'PACKAGE_SCHEMA',
  'PACKAGE_DECRYPT',
  'PACKAGE_CONTENT',
  'PACKAGE_OWNERSHIP',
  'PACKAGE_MEDIA',
  'PACKAGE_UPLOAD',
] as const;

export type PackageErrorKind = (typeof PACKAGE_ERROR_KINDS)[number];

export class PackageError extends Error {
  constructor(
    readonly kind: PackageErrorKind,
    /** Finer cause, e.g. ZIP_PATH_TRAVERSAL, FILE_HASH, KEY_PENDING. */
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

export const packageError = (kind: PackageErrorKind, reason: string, message: string, details?: Record<string, unknown>): PackageError =>
  new PackageError(kind, reason, message, details);
