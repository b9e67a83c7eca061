// Receiving a package. The checks run in a fixed order, each with its own error kind, and the
// cheap, unauthenticated ones come first: nothing is decrypted before the signature and every
// file's hash are good, and nothing is written unless the whole package applies.
//
//   format & size → recipient → known sender key → signature → expiry → files (size, SHA-256)
//   → sequence (replay / gap / fork) → schema version → kind allowed for this sender
//   → decrypt & parse → ownership & apply (one transaction) → receipt
import { and, desc, eq } from 'drizzle-orm';
import type { Station } from '../../station';
import type { Db } from '../../db/connection';
import { exchangeInbox } from '../../db/schema';
import { runWrite, SYSTEM_ACTOR, type Actor } from '../../db/write-path';
import { logError } from '../../log';
import type { NodeSecret } from '../key-slots';
import { PackageError, packageError, type PackageErrorKind } from '../../exchange/package-errors';
import {
  DEFAULT_PAYLOAD_LIMITS,
  checkExpiry,
  checkFiles,
  checkSignature,
  findPayloadFile,
  logicalName,
  openPackage,
  readPayloadFiles,
  sha256,
  type OpenedPackage,
  type PayloadLimits,
} from '../../exchange/package-format';
import { sha256Hex, type Manifest } from '../../exchange/manifest';
import type { ZipLimits } from '../../exchange/zip';
import type { MinisignPublicKey } from '../../exchange/minisign';
import {
  DIRECTIVE_FILE,
  KEY_FILE,
  META_FILE,
  RECEIPT_FILE,
  TRUST_FILE,
  directiveSchema,
  keyDocumentSchema,
  parseDocument,
  receiptSchema,
  reportMetaSchema,
  trustDocumentSchema,
  type Finding,
  type KeyDocument,
  type TrustDocument,
} from '../../exchange/payloads';
import { activeKey, channelState, findKey, getPeer, minisignKeyOf, normalizeFingerprint, fingerprintOf, saveChannel, type PeerRow } from './peers';
import { nodeKeys, type NodeKeys } from './node-identity';
import { readNode } from '../node-setup';
import { schemaVersionOf } from './outbox';
import { withExchangeLock } from './lock';
import { applyReport, ReportParser } from './report-apply';
import { applyTaskResults } from './review-tasks';
import { applyReceipt, createReceipt, markDelivered } from './receipts';
import { applyDirective, forwardDirectives, type DirectiveOutcome } from './directives';
import { applyKeyPackage, applyTrustPackage, checkKeyDocument, recordPendingRegistration } from './trust';

export type InboxRow = typeof exchangeInbox.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const CHECKS = ['format', 'recipient', 'senderKey', 'signature', 'expiry', 'files', 'sequence', 'schema', 'kind', 'decrypt', 'content', 'ownership', 'apply'] as const;
export type CheckName = (typeof CHECKS)[number];

export const CHECK_LABELS: Record<CheckName, string> = {
  format: '格式与大小',
  recipient: '收件方',
  senderKey: '发送方密钥',
  signature: '签名',
  expiry: '有效期',
  files: '文件大小与哈希',
  sequence: '序号',
  schema: '数据结构版本',
  kind: '包类型',
  decrypt: '解密',
  content: '内容',
  ownership: '数据归属',
  apply: '写入',
};

/** Which check an error kind belongs to, for the history view. */
const CHECK_OF: Record<PackageErrorKind, CheckName> = {
  PACKAGE_FORMAT: 'format',
  PACKAGE_TOO_LARGE: 'format',
  PACKAGE_ZIP_BOMB: 'format',
  PACKAGE_RECIPIENT: 'recipient',
  PACKAGE_UNKNOWN_KEY: 'senderKey',
  PACKAGE_SIGNATURE: 'signature',
  PACKAGE_EXPIRED: 'expiry',
  PACKAGE_HASH: 'files',
  PACKAGE_REPLAY: 'sequence',
  PACKAGE_GAP: 'sequence',
  PACKAGE_FORK: 'sequence',
  PACKAGE_SCHEMA: 'schema',
  PACKAGE_DECRYPT: 'decrypt',
  PACKAGE_CONTENT: 'content',
  PACKAGE_OWNERSHIP: 'ownership',
  PACKAGE_MEDIA: 'format',
  PACKAGE_UPLOAD: 'format',
};

/** The oldest schema a package may come from: the first with the exchange tables. */
export const MIN_SCHEMA_VERSION = 3;

export interface CheckResult {
  check: CheckName;
  ok: boolean;
  message: string;
}

export interface ImportOptions {
  source: InboxRow['source'];
  fileName?: string | null;
  secret: NodeSecret | null | undefined;
  actor?: Actor;
  /** For the parent's first trust package: the fingerprint a person read off its registration form. */
  trustFingerprint?: string | null;
  /** The receiver: the node whose upload token brought the package. */
  expectSender?: string | null;
  /** Hold a package that arrives before the one it follows (default); false refuses it. */
  holdGaps?: boolean;
  zipLimits?: Partial<ZipLimits>;
  /** Caps after decryption and gunzip (tests lower them). */
  payloadLimits?: PayloadLimits;
  /** Run the checks up to the schema version and stop: nothing decrypted, applied or recorded. */
  verifyOnly?: boolean;
}

export type ImportStatus = InboxRow['status'];

export interface ImportResult {
  historyId: number;
  status: ImportStatus;
  packageId: string | null;
  kind: Manifest['kind'] | null;
  senderNodeId: string | null;
  seq: number | null;
  error: { kind: PackageErrorKind; reason: string; message: string } | null;
  checks: CheckResult[];
  counts: Record<string, number> | null;
  receiptPackageId: string | null;
  /** Held packages this one released, applied right after it. */
  released: ImportResult[];
}

/**
 * The receiving checks without the receiving: format through schema version and kind. Nothing is
 * decrypted, applied or recorded; `status` is what an import would do next ('applied' means
 * every check so far passed).
 */
export function verifyPackage(station: Station, bytes: Uint8Array, options: Omit<ImportOptions, 'verifyOnly' | 'source'>): Promise<ImportResult> {
  return withExchangeLock(station, () => importLocked(station, bytes, { ...options, source: 'file', verifyOnly: true }, null));
}

export function importPackage(station: Station, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  return withExchangeLock(station, () => importLocked(station, bytes, options, null));
}

/** For callers that already hold the exchange lock (sync, folder import, confirmation). */
export async function importLocked(station: Station, bytes: Uint8Array, options: ImportOptions, historyId: number | null): Promise<ImportResult> {
  // Verifying alone needs no private key: only the node's id, the peers' public keys and the clock.
  const keys: NodeKeys =
    options.verifyOnly && !options.secret
      ? { node: readNode(station), signer: { secretKey: new Uint8Array(32), keyId: new Uint8Array(8) }, ageIdentity: '', ageRecipient: '' }
      : nodeKeys(station, options.secret);
  const run = new Run(station, keys, bytes, options, historyId);
  const result = await run.execute();
  // A package that fills a gap lets the ones held behind it through, in order.
  if (!options.verifyOnly && result.status === 'applied' && result.senderNodeId && result.seq !== null) {
    let next = heldPackage(station.db, result.senderNodeId, result.seq + 1);
    while (next?.bytes) {
      const r = await importLocked(station, next.bytes, { ...options, source: 'held', fileName: next.fileName, trustFingerprint: null, expectSender: null }, next.id);
      result.released.push(r);
      if (r.status !== 'applied') break;
      next = heldPackage(station.db, result.senderNodeId, r.seq! + 1);
    }
  }
  return result;
}

function heldPackage(db: Pick<Db, 'select'>, sender: string, seq: number): InboxRow | undefined {
  return db
    .select()
    .from(exchangeInbox)
    .where(and(eq(exchangeInbox.senderNodeId, sender), eq(exchangeInbox.seq, seq), eq(exchangeInbox.status, 'held')))
    .orderBy(desc(exchangeInbox.id))
    .get();
}

type SenderResolution =
  | { mode: 'known'; peer: PeerRow; key: MinisignPublicKey }
  | { mode: 'registration'; doc: KeyDocument; key: MinisignPublicKey }
  | { mode: 'trust'; doc: TrustDocument; key: MinisignPublicKey };

class Run {
  private checks: CheckResult[] = [];
  private pkg: OpenedPackage | null = null;
  private readonly actor: Actor;

  constructor(
    private readonly station: Station,
    private readonly keys: NodeKeys,
    private readonly bytes: Uint8Array,
    private readonly options: ImportOptions,
    private readonly historyId: number | null,
  ) {
    this.actor = options.actor ?? SYSTEM_ACTOR;
  }

  private pass(check: CheckName, message: string): void {
    this.checks.push({ check, ok: true, message });
  }

  async execute(): Promise<ImportResult> {
    let authenticated: { peer: PeerRow } | null = null;
    try {
      // 1. Format and size limits: nothing inflated yet beyond the manifest and its signature.
      this.pkg = openPackage(this.bytes, this.options.zipLimits);
      const pkg = this.pkg;
      const m = pkg.manifest;
      this.pass('format', `zip 与清单格式正确（${pkg.zip.entries.length} 个文件，${this.bytes.length} 字节）`);

      // 2. Recipient.
      if (m.recipient.nodeId !== this.keys.node.nodeId) {
        throw packageError('PACKAGE_RECIPIENT', 'NOT_FOR_US', `数据包是发给 ${m.recipient.nodeId} 的，不是发给本节点（${this.keys.node.nodeId}）的，已拒绝`);
      }
      this.pass('recipient', `收件方为本节点 ${m.recipient.nodeId}`);

      // 3. Known sender key.
      if (this.options.expectSender && m.sender.nodeId !== this.options.expectSender) {
        throw packageError('PACKAGE_UNKNOWN_KEY', 'UPLOADER_MISMATCH', `上传凭据属于 ${this.options.expectSender}，数据包却署名 ${m.sender.nodeId}，已拒绝`);
      }
      const sender = this.resolveSender(pkg);
      this.pass('senderKey', `发送方 ${m.sender.nodeId}，密钥编号 ${m.sender.keyId}${sender.mode === 'known' ? '（已登记）' : sender.mode === 'trust' ? '（指纹已由操作员核对）' : '（新登记，待确认）'}`);

      // 4. Signature over the manifest's exact bytes.
      checkSignature(pkg, sender.key);
      this.pass('signature', '清单签名有效（Ed25519，minisign 格式）');
      // From here on the sender is who the manifest says: a refusal can be answered.
      const peer = sender.mode === 'known' ? sender.peer : null;
      if (peer) authenticated = { peer };

      // 5. Expiry.
      checkExpiry(m, this.station.clock());
      this.pass('expiry', `有效期至 ${m.expiresAt}`);

      // 6. Every file's size and hash.
      const stored = checkFiles(pkg);
      this.pass('files', `${m.files.length} 个文件的大小与 SHA-256 均与清单一致`);

      if (sender.mode === 'registration') {
        if (this.options.verifyOnly) return this.result(0, 'pending-confirmation', null, null, null);
        return this.recordPending(sender.doc);
      }
      // 7. Sequence.
      const replay = this.checkSequence(m, pkg.manifestHash);
      if (replay) {
        return this.finish('already-applied', packageError('PACKAGE_REPLAY', 'ALREADY_APPLIED', `该数据包（第 ${m.channel.seq} 号）已于 ${replay.appliedAt ?? replay.receivedAt} 导入过，本次未做任何改动`), {
          receiptPackageId: replay.receiptPackageId,
          counts: replay.counts as Record<string, number> | null,
        });
      }
      this.pass('sequence', m.channel.seq === 1 ? '通道第 1 号数据包' : `第 ${m.channel.seq} 号，紧接上一个已导入的数据包`);

      // 8. Schema version.
      const ours = schemaVersionOf(this.station);
      if (m.schemaVersion > ours) {
        throw packageError('PACKAGE_SCHEMA', 'SENDER_NEWER', `发送方的数据结构版本（${m.schemaVersion}）比本站（${ours}）新，请先升级本站软件再导入`);
      }
      if (m.schemaVersion < MIN_SCHEMA_VERSION) {
        throw packageError('PACKAGE_SCHEMA', 'SENDER_TOO_OLD', `发送方的数据结构版本（${m.schemaVersion}）过旧，请发送方先升级软件`);
      }
      this.pass('schema', `数据结构版本 ${m.schemaVersion}（本站 ${ours}）`);

      // The kind must fit the direction: reports and registrations come up, directives and trust go down.
      const relation = peer?.relation ?? 'parent';
      const allowed = relation === 'parent' ? ['directive', 'receipt', 'trust'] : ['report', 'receipt', 'key'];
      if (!allowed.includes(m.kind)) {
        throw packageError('PACKAGE_OWNERSHIP', 'KIND_NOT_ALLOWED', `${relation === 'parent' ? '上级' : '下级'}节点不能发送“${KIND_LABEL[m.kind]}”类数据包`);
      }
      this.pass('kind', `${KIND_LABEL[m.kind]}，来自${relation === 'parent' ? '上级' : '下级'}节点`);
      if (this.options.verifyOnly) return this.result(0, 'applied', null, m.recordCounts, null);

      // 9. Decrypt and parse, only now.
      const payload = await this.decryptAll(pkg, stored);
      this.pass('decrypt', m.files.some((f) => f.encrypted) ? '已用本站私钥解密' : '内容未加密');

      // 10. Apply, in one transaction with the channel and the history row.
      return await this.apply(m, payload, sender);
    } catch (err) {
      const e = this.asPackageError(err);
      if (e.kind === 'PACKAGE_GAP' && this.options.holdGaps !== false && e.reason === 'MISSING') return this.finish('held', e, { keepBytes: true });
      if (e.kind === 'PACKAGE_GAP' && e.reason === 'ALREADY_HELD') {
        // The same package is already waiting: answer with its row, record nothing twice.
        this.checks.push({ check: 'sequence', ok: false, message: e.message });
        return this.result(e.details!.heldId as number, 'held', e, null, null);
      }
      const result = this.finish('refused', e);
      if (authenticated && !this.options.verifyOnly && result.status === 'refused' && ANSWERED_REFUSALS.has(e.kind) && this.pkg!.manifest.kind !== 'receipt') {
        await this.answer(authenticated.peer, result, 'refused', e, {}, []);
      }
      return result;
    }
  }

  private asPackageError(err: unknown): PackageError {
    if (err instanceof PackageError) return err;
    if (err instanceof Error && err.name === 'AppError') {
      return packageError('PACKAGE_CONTENT', 'REFUSED', err.message);
    }
    logError('exchange import', err);
    return packageError('PACKAGE_CONTENT', 'APPLY_FAILED', '数据包内容写入失败（记录之间不一致或不符合本站数据结构），整包未导入，数据未改变');
  }

  private resolveSender(pkg: OpenedPackage): SenderResolution {
    const m = pkg.manifest;
    const peer = getPeer(this.station.db, m.sender.nodeId);
    const keyRow = peer ? findKey(this.station.db, peer.nodeId, m.sender.keyId) : undefined;
    if (peer && keyRow?.status === 'active') return { mode: 'known', peer, key: minisignKeyOf(keyRow) };
    if (keyRow?.status === 'retired') {
      throw packageError('PACKAGE_UNKNOWN_KEY', 'KEY_RETIRED', `发送方 ${m.sender.nodeId} 的密钥 ${m.sender.keyId} 已被更换停用，不再接受它签名的数据包`);
    }
    if (m.kind === 'key' && !(peer && this.hasActiveKey(peer))) {
      const doc = parseDocument(keyDocumentSchema, this.earlyDocument(pkg, KEY_FILE), KEY_FILE);
      checkKeyDocument(m, doc);
      if (doc.keyId !== m.sender.keyId || doc.previousKeyId !== null) {
        throw packageError('PACKAGE_UNKNOWN_KEY', 'UNKNOWN_KEY', '密钥登记包必须由所登记的密钥本身签名');
      }
      return { mode: 'registration', doc, key: minisignKeyOf(doc) };
    }
    if (keyRow?.status === 'pending') {
      throw packageError('PACKAGE_UNKNOWN_KEY', 'KEY_PENDING', `发送方 ${m.sender.nodeId} 的密钥尚待确认：请先核对其密钥登记表上的指纹并确认`);
    }
    if (m.kind === 'trust' && !(peer && this.hasActiveKey(peer))) {
      if (!this.options.trustFingerprint) {
        throw packageError('PACKAGE_UNKNOWN_KEY', 'NEED_FINGERPRINT', '这是上级节点的信任包：请输入上级密钥登记表上的公钥指纹后再导入');
      }
      const doc = parseDocument(trustDocumentSchema, this.earlyDocument(pkg, TRUST_FILE), TRUST_FILE);
      if (doc.keyId !== m.sender.keyId || doc.parent.nodeId !== m.sender.nodeId) {
        throw packageError('PACKAGE_UNKNOWN_KEY', 'UNKNOWN_KEY', '信任包中的公钥不是签名所用的密钥');
      }
      if (normalizeFingerprint(this.options.trustFingerprint) !== normalizeFingerprint(fingerprintOf(doc.publicKey))) {
        throw packageError('PACKAGE_UNKNOWN_KEY', 'FINGERPRINT_MISMATCH', '输入的指纹与信任包中的上级公钥不符：请逐位核对上级的密钥登记表，不符时不要导入');
      }
      return { mode: 'trust', doc, key: minisignKeyOf(doc) };
    }
    if (!peer) throw packageError('PACKAGE_UNKNOWN_KEY', 'UNKNOWN_NODE', `发送方 ${m.sender.nodeId} 不是本节点登记过的上级或下级节点，已拒绝`);
    throw packageError('PACKAGE_UNKNOWN_KEY', 'UNKNOWN_KEY', `发送方 ${m.sender.nodeId} 的签名密钥 ${m.sender.keyId} 未在本节点登记，已拒绝`);
  }

  private hasActiveKey(peer: PeerRow): boolean {
    return activeKey(this.station.db, peer.nodeId) !== undefined;
  }

  /** A key or trust document, read before the signature to learn the key that signed it (hash-checked). */
  private earlyDocument(pkg: OpenedPackage, name: string): Uint8Array {
    const file = findPayloadFile(pkg.manifest, name);
    if (!file || file.encrypted || !pkg.zip.has(file.name)) {
      throw packageError('PACKAGE_UNKNOWN_KEY', 'KEY_DOCUMENT_MISSING', `数据包中没有明文的 ${name}，无法确认发送方密钥`);
    }
    const entry = pkg.zip.entries.find((e) => e.name === file.name)!;
    if (entry.size !== file.size || entry.size > 64 * 1024) throw packageError('PACKAGE_HASH', 'FILE_SIZE', `文件 ${name} 的大小与清单不符`);
    const bytes = pkg.zip.read(file.name);
    if (sha256Hex(bytes) !== file.sha256) throw packageError('PACKAGE_HASH', 'FILE_HASH', `文件 ${name} 的 SHA-256 与清单不符，数据包被改动或损坏`);
    return bytes;
  }

  /** null: the next package; an inbox row: this package was applied before (a replay). */
  private checkSequence(m: Manifest, hash: string): InboxRow | null {
    const db = this.station.db;
    const sender = m.sender.nodeId;
    const seq = m.channel.seq;
    const channel = channelState(db, sender, 'in');
    if (seq <= channel.lastSeq) {
      const applied = db
        .select()
        .from(exchangeInbox)
        .where(and(eq(exchangeInbox.senderNodeId, sender), eq(exchangeInbox.seq, seq), eq(exchangeInbox.status, 'applied')))
        .orderBy(desc(exchangeInbox.id))
        .get();
      if (applied && applied.manifestHash === hash) return applied;
      throw packageError('PACKAGE_FORK', 'SEQ_REUSED', `发送方的第 ${seq} 号数据包已导入过另一个不同的包（通道分叉，可能是发送方从备份恢复后重发），已拒绝`, { seq });
    }
    if (seq === channel.lastSeq + 1) {
      const expected = channel.lastSeq === 0 ? null : channel.lastHash;
      if (m.channel.prevHash !== expected) {
        throw packageError('PACKAGE_FORK', 'PREV_HASH', `第 ${seq} 号数据包所接续的上一包与本站导入的第 ${channel.lastSeq} 号不是同一个（通道分叉），已拒绝`, { seq });
      }
      return null;
    }
    const held = db
      .select()
      .from(exchangeInbox)
      .where(and(eq(exchangeInbox.senderNodeId, sender), eq(exchangeInbox.seq, seq), eq(exchangeInbox.status, 'held')))
      .get();
    const missingFrom = channel.lastSeq + 1;
    const missing = missingFrom === seq - 1 ? `第 ${missingFrom} 号` : `第 ${missingFrom}–${seq - 1} 号`;
    if (held && held.manifestHash === hash && held.id !== this.historyId) {
      throw packageError('PACKAGE_GAP', 'ALREADY_HELD', `该数据包（第 ${seq} 号）已暂存，仍在等待${missing}数据包`, { missingFrom, missingTo: seq - 1, heldId: held.id });
    }
    if (held && held.manifestHash !== hash) {
      throw packageError('PACKAGE_FORK', 'SEQ_REUSED', `已暂存另一个第 ${seq} 号数据包（通道分叉），已拒绝`, { seq });
    }
    const message =
      this.options.holdGaps === false
        ? `缺少发送方的${missing}数据包（本包为第 ${seq} 号），请先导入缺少的数据包`
        : `缺少发送方的${missing}数据包（本包为第 ${seq} 号）；本包已暂存，缺少的数据包导入后将自动按顺序导入`;
    throw packageError('PACKAGE_GAP', 'MISSING', message, { missingFrom, missingTo: seq - 1 });
  }

  /**
   * Every payload file opened; a report's tables are parsed as they arrive, while the next file
   * inflates (its parse errors still wait until every file has opened, see ReportParser).
   */
  private async decryptAll(pkg: OpenedPackage, stored: Map<string, Uint8Array>): Promise<OpenedPayload> {
    const files = new Map<string, Uint8Array>();
    const report = pkg.manifest.kind === 'report' ? new ReportParser() : null;
    await readPayloadFiles(pkg.manifest.files, stored, this.keys.ageIdentity, this.options.payloadLimits ?? DEFAULT_PAYLOAD_LIMITS, (f, bytes) => {
      const name = logicalName(f);
      files.set(name, bytes);
      if (report && name !== META_FILE) report.addFile(name, bytes);
    });
    return { files, report };
  }

  private async apply(m: Manifest, { files, report }: OpenedPayload, sender: SenderResolution): Promise<ImportResult> {
    const station = this.station;
    const need = (name: string): Uint8Array => {
      const f = files.get(name);
      if (!f) throw packageError('PACKAGE_CONTENT', 'FILE_MISSING', `数据包中缺少 ${name}`);
      return f;
    };
    // Parse everything before the transaction: a bad line refuses the package without a write.
    const parsed =
      m.kind === 'report'
        ? { report: report!.finish(parseDocument(reportMetaSchema, need(META_FILE), META_FILE), m.recordCounts) }
        : m.kind === 'directive'
          ? { directive: parseDocument(directiveSchema, need(DIRECTIVE_FILE), DIRECTIVE_FILE) }
          : m.kind === 'receipt'
            ? { receipt: parseDocument(receiptSchema, need(RECEIPT_FILE), RECEIPT_FILE) }
            : m.kind === 'key'
              ? { key: parseDocument(keyDocumentSchema, need(KEY_FILE), KEY_FILE) }
              : { trust: parseDocument(trustDocumentSchema, need(TRUST_FILE), TRUST_FILE) };
    if (parsed.report && sender.mode === 'known' && parsed.report.meta.node.nodeId !== sender.peer.nodeId) {
      throw packageError('PACKAGE_CONTENT', 'META_MISMATCH', '报送包说明中的节点与发送方不一致');
    }
    this.pass('content', describeContent(m));

    let counts: Record<string, number> = {};
    let findings: Finding[] = [];
    let directiveOutcome: DirectiveOutcome | null = null;
    let peer: PeerRow | null = sender.mode === 'known' ? sender.peer : null;
    const now = station.clock().toISOString();
    const historyId = runWrite(
      station.db,
      this.actor,
      { action: `package.apply.${m.kind}`, entity: 'package', entityId: m.packageId },
      (w) => {
        w.note('package', { sender: m.sender.nodeId, seq: m.channel.seq, manifestHash: this.pkg!.manifestHash });
        if (parsed.report) {
          const outcome = applyReport(w, station, peer!, parsed.report);
          for (const [t, c] of Object.entries(outcome.counts)) counts[t] = c.inserted + c.updated + c.deleted;
          findings = [...outcome.findings, ...applyTaskResults(w.tx, peer!, parsed.report.meta.reviewTaskResults)];
          if (parsed.report.meta.reviewTaskResults.length) counts.review_task_results = parsed.report.meta.reviewTaskResults.length;
          markDelivered(w.tx, peer!.nodeId, parsed.report.meta.acknowledgedSeq, now);
          this.pass('ownership', `全部记录属于发送方辖区 ${peer!.regionCode}`);
        } else if (parsed.directive) {
          directiveOutcome = applyDirective(w, station, this.keys.node, peer!, m, parsed.directive);
          counts = directiveOutcome.counts;
          findings = directiveOutcome.findings;
        } else if (parsed.receipt) {
          findings = applyReceipt(w.tx, station, peer!, m, parsed.receipt);
        } else if (parsed.key) {
          const what = applyKeyPackage(w, station, peer!, m, parsed.key);
          counts = { [what === 'rotation' ? 'key_rotated' : 'key_registered']: 1 };
        } else if (parsed.trust) {
          peer = applyTrustPackage(w, station, m, parsed.trust, this.actor.username);
          counts = { trust: 1 };
        }
        saveChannel(w.tx, m.sender.nodeId, 'in', { lastSeq: m.channel.seq, lastHash: this.pkg!.manifestHash }, now);
        this.pass('apply', '已在一个事务中全部写入');
        return this.writeHistory(w.tx, 'applied', null, { counts, appliedAt: now });
      },
      station.clock(),
    );
    const result = this.result(historyId, 'applied', null, counts, null);
    if (m.kind !== 'receipt' && m.kind !== 'trust' && peer) {
      await this.answer(peer, result, 'applied', null, counts, findings);
    }
    if (directiveOutcome && (directiveOutcome as DirectiveOutcome).forward.size > 0) {
      try {
        await forwardDirectives(station, this.keys, (directiveOutcome as DirectiveOutcome).forward);
      } catch (err) {
        // The directive itself is applied; a child we cannot encrypt to yet gets it later by hand.
        logError('exchange forward directive', err);
      }
    }
    return result;
  }

  /** Sends the receipt and links it to the history row. */
  private async answer(peer: PeerRow, result: ImportResult, status: 'applied' | 'refused', error: PackageError | null, counts: Record<string, number>, findings: Finding[]): Promise<void> {
    const m = this.pkg!.manifest;
    try {
      const receipt = await createReceipt(this.station, this.keys, peer, {
        manifest: m,
        manifestHash: this.pkg!.manifestHash,
        status,
        error: error ? { kind: error.kind, message: error.message } : null,
        counts,
        findings,
      });
      this.station.db.update(exchangeInbox).set({ receiptPackageId: receipt.packageId }).where(eq(exchangeInbox.id, result.historyId)).run();
      result.receiptPackageId = receipt.packageId;
    } catch (err) {
      // The package is applied (or refused) either way; a replay re-answers.
      logError('exchange receipt', err);
    }
  }

  private recordPending(doc: KeyDocument): ImportResult {
    const m = this.pkg!.manifest;
    const id = this.station.db.transaction((tx) => {
      recordPendingRegistration(tx, this.station, m, doc);
      return this.writeHistory(tx, 'pending-confirmation', null, { keepBytes: true, message: `${doc.node.name} 的密钥登记已收到，待核对指纹后确认` });
    });
    return this.result(id, 'pending-confirmation', null, null, null);
  }

  private finish(
    status: ImportStatus,
    error: PackageError,
    extra: { keepBytes?: boolean; receiptPackageId?: string | null; counts?: Record<string, number> | null } = {},
  ): ImportResult {
    const check = CHECK_OF[error.kind];
    this.checks.push({ check, ok: status === 'already-applied', message: error.message });
    if (this.options.verifyOnly) return this.result(0, status, error, extra.counts ?? null, extra.receiptPackageId ?? null);
    const id = this.station.db.transaction((tx) =>
      this.writeHistory(tx, status, error, { keepBytes: extra.keepBytes, counts: extra.counts ?? null, receiptPackageId: extra.receiptPackageId ?? null }),
    );
    return this.result(id, status, error, extra.counts ?? null, extra.receiptPackageId ?? null);
  }

  private writeHistory(
    tx: Tx,
    status: ImportStatus,
    error: PackageError | null,
    extra: { keepBytes?: boolean; counts?: Record<string, number> | null; appliedAt?: string; receiptPackageId?: string | null; message?: string },
  ): number {
    const m = this.pkg?.manifest;
    const values = {
      receivedAt: this.station.clock().toISOString(),
      source: this.options.source,
      fileName: this.options.fileName ?? null,
      sizeBytes: this.bytes.length,
      fileSha256: this.pkg?.fileSha256 ?? sha256(this.bytes),
      packageId: m?.packageId ?? null,
      kind: m?.kind ?? null,
      senderNodeId: m?.sender.nodeId ?? null,
      recipientNodeId: m?.recipient.nodeId ?? null,
      seq: m?.channel.seq ?? null,
      manifestHash: this.pkg?.manifestHash ?? null,
      createdAt: m?.createdAt ?? null,
      status,
      errorKind: status === 'already-applied' ? 'PACKAGE_REPLAY' : (error?.kind ?? null),
      errorReason: error?.reason ?? null,
      message: error?.message ?? extra.message ?? null,
      checks: this.checks,
      counts: extra.counts ?? null,
      bytes: extra.keepBytes ? Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength) : null,
      appliedAt: extra.appliedAt ?? null,
      receiptPackageId: extra.receiptPackageId ?? null,
      actor: this.actor.username,
    };
    if (this.historyId !== null) {
      tx.update(exchangeInbox).set(values).where(eq(exchangeInbox.id, this.historyId)).run();
      return this.historyId;
    }
    return tx.insert(exchangeInbox).values(values).returning({ id: exchangeInbox.id }).get().id;
  }

  private result(historyId: number, status: ImportStatus, error: PackageError | null, counts: Record<string, number> | null, receiptPackageId: string | null): ImportResult {
    const m = this.pkg?.manifest;
    return {
      historyId,
      status,
      packageId: m?.packageId ?? null,
      kind: m?.kind ?? null,
      senderNodeId: m?.sender.nodeId ?? null,
      seq: m?.channel.seq ?? null,
      error: error ? { kind: error.kind, reason: error.reason, message: error.message } : null,
      checks: this.checks,
      counts,
      receiptPackageId,
      released: [],
    };
  }
}

/** Refusals the sender can act on get a signed receipt; the rest may not even be theirs. */
const ANSWERED_REFUSALS = new Set<PackageErrorKind>(['PACKAGE_EXPIRED', 'PACKAGE_HASH', 'PACKAGE_FORK', 'PACKAGE_SCHEMA', 'PACKAGE_DECRYPT', 'PACKAGE_CONTENT', 'PACKAGE_OWNERSHIP']);

export const KIND_LABEL: Record<Manifest['kind'], string> = { report: '报送', directive: '下发指令', receipt: '回执', key: '密钥登记/更换', trust: '信任' };

/** The opened payload files by logical name, and a report's rows parsed on the way. */
interface OpenedPayload {
  files: Map<string, Uint8Array>;
  report: ReportParser | null;
}

function describeContent(m: Manifest): string {
  const entries = Object.entries(m.recordCounts);
  const rows = entries.reduce((n, [, c]) => n + c, 0);
  return entries.length ? `${KIND_LABEL[m.kind]}：${entries.length} 类共 ${rows} 条记录` : KIND_LABEL[m.kind];
}

