// The small JSON documents inside packages, one per kind, checked with zod after decryption.
// Registry rows themselves travel as NDJSON per table (see services/exchange/report-*.ts).
import { z } from 'zod';
import { packageError } from './package-errors';

const nodeId = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/);
const regionCode = z.string().regex(/^\d{12}$/);
const level = z.enum(['province', 'county', 'township']);
const keyId = z.string().regex(/^[0-9A-F]{16}$/);
const publicKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, '应为 32 字节公钥的 base64');
const ageRecipient = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/);
const isoTime = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().max(max);

export const META_FILE = 'meta.json';
export const RECEIPT_FILE = 'receipt.json';
export const DIRECTIVE_FILE = 'directive.json';
export const KEY_FILE = 'key.json';
export const TRUST_FILE = 'trust.json';
export const DELETES_FILE = 'deletes.ndjson';
/** recordCounts key for deletions (table names never collide with it). */
export const DELETES_COUNT_KEY = 'deletes';

export const nodeDescriptionSchema = z.strictObject({
  nodeId,
  level,
  regionCode,
  name: text(100),
});

export const reviewTaskResultSchema = z.strictObject({
  taskId: z.string().min(1).max(100),
  status: z.enum(['done', 'dismissed']),
  resolution: text(2000).nullable(),
  resolvedAt: isoTime,
});

export const reportMetaSchema = z.strictObject({
  mode: z.enum(['snapshot', 'incremental']),
  node: nodeDescriptionSchema,
  tables: z.array(z.string().regex(/^[a-z_]{1,40}$/)).max(40),
  /** The last of the recipient's packages the sender applied: acknowledges receipts and trust, which get no receipt. */
  acknowledgedSeq: z.int().min(0),
  reviewTaskResults: z.array(reviewTaskResultSchema).max(100_000),
});
export type ReportMeta = z.infer<typeof reportMetaSchema>;

export const findingSchema = z.strictObject({
  kind: z.string().max(60),
  message: text(2000),
  table: z.string().max(60).nullable(),
  rowId: z.string().max(100).nullable(),
});
export type Finding = z.infer<typeof findingSchema>;

export const receiptSchema = z.strictObject({
  forPackageId: z.uuid(),
  forKind: z.enum(['report', 'directive', 'receipt', 'key', 'trust']),
  forSeq: z.int().min(1),
  forManifestHash: z.string().regex(/^[0-9a-f]{64}$/),
  status: z.enum(['applied', 'refused']),
  errorKind: z.string().max(60).nullable(),
  message: text(2000).nullable(),
  /** The last sequence applied on the sender's channel, after this package. */
  acceptedSeq: z.int().min(0),
  acceptedHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  /** For an applied report: the change-log sequence it covered, what the next increment starts after. */
  changeToSeq: z.int().min(0).nullable(),
  counts: z.record(z.string().max(60), z.int().min(0)),
  findings: z.array(findingSchema).max(10_000),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const reviewTaskSchema = z.strictObject({
  id: z.string().min(1).max(100),
  kind: z.enum(['duplicate-person', 'correction', 'check']),
  regionCode,
  householdId: z.string().max(100).nullable(),
  personId: z.string().max(100).nullable(),
  title: text(200),
  detail: z.record(z.string(), z.unknown()),
});
export type ReviewTaskPayload = z.infer<typeof reviewTaskSchema>;

export const directiveSchema = z.strictObject({
  note: text(2000).nullable(),
  yearParams: z.array(z.strictObject({ year: z.int().min(2000).max(2100), params: z.record(z.string(), z.unknown()) })).max(200),
  codeOverrides: z
    .array(z.strictObject({ field: z.string().max(60), version: z.string().max(40), code: z.string().max(40), label: text(200), retired: z.boolean() }))
    .max(100_000),
  regions: z
    .array(
      z.strictObject({
        code: regionCode,
        name: text(100),
        level: z.enum(['province', 'city', 'county', 'township', 'village']),
        parentCode: regionCode.nullable(),
      }),
    )
    .max(100_000),
  reviewTasks: z.array(reviewTaskSchema).max(100_000),
});
export type Directive = z.infer<typeof directiveSchema>;

export const keyDocumentSchema = z.strictObject({
  node: nodeDescriptionSchema,
  publicKey,
  keyId,
  ageRecipient: ageRecipient.nullable(),
  /** Set on a rotation: the key that signs this package and is being replaced. */
  previousKeyId: keyId.nullable(),
  createdAt: isoTime,
});
export type KeyDocument = z.infer<typeof keyDocumentSchema>;

export const trustDocumentSchema = z.strictObject({
  parent: nodeDescriptionSchema,
  publicKey,
  keyId,
  ageRecipient: ageRecipient.nullable(),
  child: z.strictObject({ nodeId }),
  createdAt: isoTime,
});
export type TrustDocument = z.infer<typeof trustDocumentSchema>;

/** Parses one JSON payload document; a bad one is a content error naming the file, not the values. */
export function parseDocument<T>(schema: z.ZodType<T>, bytes: Uint8Array, fileName: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw packageError('PACKAGE_CONTENT', 'DOCUMENT_INVALID', `${fileName} 不是有效的 JSON`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '（整体）'))].slice(0, 5).join('、');
    throw packageError('PACKAGE_CONTENT', 'DOCUMENT_INVALID', `${fileName} 内容不合规：${fields}`);
  }
  return parsed.data;
}

export const jsonBytes = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8');
