import dayjs from 'dayjs';

/** Local date and time to the minute, as a clerk reads it: 2025-03-08 14:05. */
export const formatDateTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export const formatDateTimeSeconds = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** The fingerprint arrives as space-separated groups of four; keep them as groups for reading aloud. */
export const fingerprintGroups = (fingerprint: string): string[] => fingerprint.split(/\s+/).filter(Boolean);
