// Turns whatever a call threw into the sentence to show. Core's messages are Chinese and meant
// for the user, so they are shown as they are; anything else gets a plain fallback.
import { ApiError } from './client';

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '操作未完成：程序出现意外错误，请重试；如仍不行，请联系县扶贫办技术人员。';
}

export const isApiError = (err: unknown, kind?: ApiError['kind']): err is ApiError =>
  err instanceof ApiError && (kind === undefined || err.kind === kind);
