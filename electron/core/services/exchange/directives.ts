// Directives downward: year parameters, code tables, division updates and review tasks
// (corrections are review tasks too: the parent proposes, the owner edits). A county applies
// what concerns it and passes the rest on to the township station that owns the household.
import { eq, sql } from 'drizzle-orm';
import type { Station } from '../../station';
import { codeOverrides, exchangeReviewTasks, regions, yearParams } from '../../db/schema';
import type { Writer } from '../../db/write-path';
import { regionWithin } from '../../domain/region-code';
import { AppError } from '../../api/errors';
import { DIRECTIVE_FILE, jsonBytes, type Directive, type Finding, type ReviewTaskPayload } from '../../exchange/payloads';
import type { Manifest } from '../../exchange/manifest';
import { activeKey, childPeers, getPeer, type PeerRow } from './peers';
import { createOutgoing, type OutboxRow } from './outbox';
import { ensureTrustFirst } from './trust';
import type { NodeKeys } from './node-identity';

export const emptyDirective = (): Directive => ({ note: null, yearParams: [], codeOverrides: [], regions: [], reviewTasks: [] });

/** Makes a directive to a child and records the review tasks it carries as sent. Lock held. */
export async function createDirective(
  station: Station,
  keys: NodeKeys,
  recipientNodeId: string,
  directive: Directive,
  options: { expiresInDays?: number } = {},
): Promise<OutboxRow> {
  const peer = getPeer(station.db, recipientNodeId);
  if (!peer || peer.relation !== 'child') throw new AppError('NOT_FOUND', `没有登记下级节点 ${recipientNodeId}`);
  for (const t of directive.reviewTasks) {
    if (!regionWithin(peer.regionCode, t.regionCode)) throw new AppError('INVALID_INPUT', `核查任务 ${t.id} 的区划不在 ${peer.name} 辖区内`);
  }
  await ensureTrustFirst(station, keys, peer);
  const counts: Record<string, number> = {};
  if (directive.yearParams.length) counts.year_params = directive.yearParams.length;
  if (directive.codeOverrides.length) counts.code_overrides = directive.codeOverrides.length;
  if (directive.regions.length) counts.regions = directive.regions.length;
  if (directive.reviewTasks.length) counts.review_tasks = directive.reviewTasks.length;
  return createOutgoing(station, keys, {
    peer,
    kind: 'directive',
    files: [{ name: DIRECTIVE_FILE, bytes: jsonBytes(directive) }],
    recordCounts: counts,
    changeRange: null,
    summary: { note: directive.note },
    expiresInDays: options.expiresInDays,
    // Review tasks name persons: never in the clear.
    encrypt: directive.reviewTasks.length > 0 ? true : undefined,
    onStored: (tx, built) => {
      const now = built.manifest.createdAt;
      for (const t of directive.reviewTasks) {
        const existing = tx.select().from(exchangeReviewTasks).where(eq(exchangeReviewTasks.id, t.id)).get();
        if (existing) continue; // passed on from our parent: the received row already tracks it
        tx.insert(exchangeReviewTasks)
          .values({ ...taskColumns(t), direction: 'sent', peerNodeId: peer.nodeId, packageId: built.manifest.packageId, status: 'open', createdAt: now })
          .run();
      }
    },
  });
}

function taskColumns(t: ReviewTaskPayload) {
  return {
    id: t.id,
    kind: t.kind,
    regionCode: t.regionCode,
    householdId: t.householdId,
    personId: t.personId,
    title: t.title,
    detail: t.detail,
  };
}

export interface DirectiveOutcome {
  counts: Record<string, number>;
  findings: Finding[];
  /** What to pass on to each child station, made after the transaction commits. */
  forward: Map<string, Directive>;
}

/** At the child, inside the import transaction. */
export function applyDirective(w: Writer, station: Station, own: { regionCode: string }, from: PeerRow, manifest: Manifest, d: Directive): DirectiveOutcome {
  const now = station.clock().toISOString();
  const counts: Record<string, number> = {};
  const findings: Finding[] = [];
  for (const p of d.yearParams) {
    const existing = w.tx.select().from(yearParams).where(eq(yearParams.year, p.year)).get();
    if (existing) w.update(yearParams, p.year, { params: p.params, updatedAt: now });
    else w.insert(yearParams, { year: p.year, params: p.params, updatedAt: now });
  }
  if (d.yearParams.length) counts.year_params = d.yearParams.length;
  for (const r of d.regions) {
    const existing = w.tx.select().from(regions).where(eq(regions.code, r.code)).get();
    if (existing) w.update(regions, r.code, { name: r.name, level: r.level, parentCode: r.parentCode });
    else w.insert(regions, { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode });
  }
  if (d.regions.length) counts.regions = d.regions.length;
  // code_overrides has no single-column key, which the write path needs: written beside it and
  // counted in the package's audit entry instead.
  for (const c of d.codeOverrides) {
    w.tx
      .insert(codeOverrides)
      .values(c)
      .onConflictDoUpdate({ target: [codeOverrides.field, codeOverrides.version, codeOverrides.code], set: { label: sql`excluded.label`, retired: sql`excluded.retired` } })
      .run();
  }
  if (d.codeOverrides.length) {
    counts.code_overrides = d.codeOverrides.length;
    w.note('codeOverrides', d.codeOverrides.length);
  }

  const children = childPeers(w.tx).filter((c) => activeKey(w.tx, c.nodeId));
  const forward = new Map<string, Directive>();
  const forwardTo = (child: PeerRow): Directive => {
    let f = forward.get(child.nodeId);
    if (!f) {
      f = { ...emptyDirective(), note: d.note, yearParams: d.yearParams, codeOverrides: d.codeOverrides, regions: d.regions };
      forward.set(child.nodeId, f);
    }
    return f;
  };
  if (d.yearParams.length || d.codeOverrides.length || d.regions.length) for (const c of children) forwardTo(c);

  let tasks = 0;
  for (const t of d.reviewTasks) {
    if (!regionWithin(own.regionCode, t.regionCode)) {
      findings.push({ kind: 'task-outside-region', message: `核查任务 ${t.id.slice(0, 40)} 的区划 ${t.regionCode} 不在本节点辖区内，未接收`, table: null, rowId: null });
      continue;
    }
    if (w.tx.select().from(exchangeReviewTasks).where(eq(exchangeReviewTasks.id, t.id)).get()) continue;
    const owner = children.find((c) => regionWithin(c.regionCode, t.regionCode));
    w.tx
      .insert(exchangeReviewTasks)
      .values({
        ...taskColumns(t),
        direction: 'received',
        peerNodeId: from.nodeId,
        packageId: manifest.packageId,
        status: owner ? 'forwarded' : 'open',
        forwardedTo: owner?.nodeId ?? null,
        createdAt: now,
      })
      .run();
    if (owner) forwardTo(owner).reviewTasks.push(t);
    tasks++;
  }
  if (tasks) counts.review_tasks = tasks;
  return { counts, findings, forward };
}

/** After the directive committed: the relayed directives to child stations. Lock held. */
export async function forwardDirectives(station: Station, keys: NodeKeys, forward: Map<string, Directive>): Promise<OutboxRow[]> {
  const made: OutboxRow[] = [];
  for (const [childId, directive] of forward) made.push(await createDirective(station, keys, childId, directive));
  return made;
}
