import type { z } from 'zod';
import type { Access } from '../domain/roles';

/**
 * How the router decides whether the caller may touch the region a call is about:
 * - 'none': the method names no region (own account, node status);
 * - { input }: the region code the input names (null/undefined: the caller's own scope);
 * - { entity, id }: the router loads that record's region before the handler runs (null id: a new record).
 */
export type ScopeCheck<I> =
  | { input: (input: I) => string | null | undefined }
  | { entity: ScopedEntity; id: (input: I) => string | null };

/** 'none', one check, or several that must all pass (e.g. the household edited and its new village). */
export type ScopeRule<I> = 'none' | ScopeCheck<I> | ScopeCheck<I>[];

/** Records that carry a region, looked up by the router for scope checks. */
export type ScopedEntity = 'household' | 'person' | 'village' | 'workflow' | 'assistance';

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** 'public' needs no session; the rest need a session whose role grants the access. */
  access: Access | 'public';
  scope: ScopeRule<z.output<I>>;
  /** Chinese description for the API listing. */
  summary: string;
  /** Phantom: the output type. */
  readonly _output?: O;
}

/** Declares one API method: its input schema, who may call it, and its output type. */
export function method<O>() {
  return <I extends z.ZodType>(spec: Omit<MethodSpec<I, O>, '_output'>): MethodSpec<I, O> => spec;
}

export type AnyMethod = MethodSpec<z.ZodType, unknown>;
export type InputOf<M> = M extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodSpec<z.ZodType, infer O> ? O : never;
