// `fupin package …`, `fupin key …`, `fupin trust …` and `fupin receiver`: the exchange on the
// command line. Making, importing and answering packages needs the node key, which only an
// administrator's password unlocks: those commands take --admin and --password (or the
// FUPIN_PASSWORD environment variable, which keeps the password out of the shell history).
import { readFileSync, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { openStation, closeStation, type Station } from '../core/station';
import { AppError } from '../core/api/errors';
import { login } from '../core/services/users';
import { toAppError } from '../core/services/exchange/errors';
import {
  confirmPeerKey,
  exportKeyRegistration,
  exportReport,
  exportTrust,
  importFile,
  importFolder,
  writeToFolder,
  type Caller,
} from '../core/services/exchange/commands';
import { verifyPackage, type ImportResult } from '../core/services/exchange/import';
import { addParentKeyManually, issueUploadToken, setUploadTarget } from '../core/services/exchange/peers';
import { listOutbox } from '../core/services/exchange/outbox';
import { syncWithParent } from '../core/services/exchange/sync';
import { registrationForm, checkViews } from '../core/services/exchange/views';
import { dbOf, str, type Flags } from './args';
import { t } from './i18n';
import type { Command } from './commands';

const out = (line: string): void => void process.stdout.write(line + '\n');

async function withStation<T>(flags: Flags, fn: (s: Station) => Promise<T>): Promise<T> {
  const station = await openStation(dbOf(flags), { dailyBackup: false });
  try {
    return await fn(station);
  } catch (err) {
    throw toAppError(err);
  } finally {
    closeStation(station);
  }
}

/** Logs the administrator in; their key slot unlocks the node secret for this run only. */
function unlock(station: Station, flags: Flags): Caller {
  const username = str(flags, 'admin');
  const password = typeof flags.password === 'string' ? flags.password : process.env.FUPIN_PASSWORD;
  if (!password) throw new AppError('INVALID_INPUT', t({ zh: '缺少参数 --password（或环境变量 FUPIN_PASSWORD）', en: 'Missing --password (or FUPIN_PASSWORD)' }));
  const { user } = login(station, username, password);
  const secret = [...station.keyring.values()].at(-1) ?? null;
  if (!secret) {
    throw new AppError('KEY_LOCKED', t({ zh: `账号 ${username} 没有节点密钥槽，不能签名或解密数据包`, en: `${username} has no key slot` }));
  }
  return { secret, actor: { userId: user.id, username: user.username } };
}

function printResult(r: ImportResult, name?: string): void {
  const head = `${name ? `${name}: ` : ''}${r.kind ?? '?'} #${r.seq ?? '?'} ${r.senderNodeId ?? ''} → ${r.status}`;
  out(head);
  for (const c of checkViews(r.checks)) out(`  ${c.ok ? '✓' : '✗'} ${c.label}：${c.message}`);
  if (r.error) out(`  [${r.error.kind}/${r.error.reason}] ${r.error.message}`);
  for (const released of r.released) printResult(released, '  ↳');
}

const failed = (r: ImportResult | null): boolean => !r || r.status === 'refused' || r.status === 'held';

const packageCommand: Command = {
  usage: {
    zh: [
      '用法：',
      '  fupin package export report [--mode auto|snapshot|incremental] [--out 文件夹] --admin 用户名 --password 密码',
      '  fupin package export key [--out 文件夹] --admin … --password …      （向上级登记本节点密钥）',
      '  fupin package export trust --to 下级节点编号 [--out 文件夹] --admin … --password …',
      '  fupin package list [--all]                                          （发件箱）',
      '  fupin package write --out 文件夹 [--to 节点编号]                      （把待发送的数据包写入 U 盘）',
      '  fupin package verify 文件 [--fingerprint 上级指纹]                     （只校验，不导入）',
      '  fupin package import 文件或文件夹 [--fingerprint 上级指纹] --admin … --password …',
      '  fupin package sync --admin … --password …                          （在线报送并取回回执和指令）',
    ].join('\n'),
    en: 'Usage: fupin package export report|key|trust … | list | write --out DIR | verify FILE | import FILE|DIR | sync  (--admin U --password PW where the node key is needed)',
  },
  booleans: ['all'],
  async run([sub, what], flags) {
    return withStation(flags, async (station) => {
      const outDir = typeof flags.out === 'string' ? resolve(flags.out) : null;
      const writeOut = async (caller: Caller, ids: string[]) => {
        if (!outDir) return;
        for (const r of await writeToFolder(station, caller, ids, outDir)) {
          out(r.ok ? t({ zh: `已写入并校验：${r.path}`, en: `Written and verified: ${r.path}` }) : `✗ ${r.fileName}: ${r.error?.message}`);
          if (!r.ok) throw new AppError('INTERNAL', r.error!.message);
        }
      };
      if (sub === 'export') {
        const caller = unlock(station, flags);
        const row =
          what === 'report'
            ? await exportReport(station, caller, { mode: (typeof flags.mode === 'string' ? flags.mode : 'auto') as 'auto' })
            : what === 'key'
              ? await exportKeyRegistration(station, caller)
              : what === 'trust'
                ? await exportTrust(station, caller, str(flags, 'to'))
                : null;
        if (!row) throw new AppError('INVALID_INPUT', t(packageCommand.usage));
        out(t({ zh: `已生成：${row.fileName}（第 ${row.seq} 号，${row.sizeBytes} 字节）`, en: `Made ${row.fileName} (seq ${row.seq}, ${row.sizeBytes} bytes)` }));
        await writeOut(caller, [row.packageId]);
        return 0;
      }
      if (sub === 'list') {
        const rows = listOutbox(station.db, flags.all ? {} : { statuses: ['ready', 'uploading', 'uploaded', 'refused'] });
        for (const r of rows) out(`${r.fileName}\t${r.status}\t${r.sizeBytes}\t${r.lastError ?? ''}`);
        if (rows.length === 0) out(t({ zh: '发件箱为空。', en: 'Outbox is empty.' }));
        return 0;
      }
      if (sub === 'write') {
        if (!outDir) throw new AppError('INVALID_INPUT', t({ zh: '缺少参数 --out 文件夹', en: 'Missing --out DIR' }));
        const to = typeof flags.to === 'string' ? flags.to : undefined;
        const ids = listOutbox(station.db, { peerNodeId: to, statuses: ['ready', 'uploading', 'uploaded'] }).map((r) => r.packageId);
        if (ids.length === 0) out(t({ zh: '没有待发送的数据包。', en: 'Nothing to write.' }));
        await writeOut({ secret: null, actor: { userId: null, username: 'cli' } }, ids);
        return 0;
      }
      if (sub === 'verify') {
        const file = what;
        if (!file) throw new AppError('INVALID_INPUT', t(packageCommand.usage));
        const r = await verifyPackage(station, readFileSync(resolve(file)), { secret: null, trustFingerprint: typeof flags.fingerprint === 'string' ? flags.fingerprint : null });
        printResult(r, file);
        return r.status === 'refused' ? 3 : 0;
      }
      if (sub === 'import') {
        const path = what;
        if (!path || !existsSync(path)) throw new AppError('INVALID_INPUT', t({ zh: `找不到 ${path ?? '（未指定）'}`, en: `Not found: ${path}` }));
        const caller = unlock(station, flags);
        const fingerprint = typeof flags.fingerprint === 'string' ? flags.fingerprint : null;
        if (statSync(path).isDirectory()) {
          const results = await importFolder(station, caller, resolve(path), { trustFingerprint: fingerprint });
          for (const r of results) r.result ? printResult(r.result, r.fileName) : out(`✗ ${r.fileName}: ${r.error?.message}`);
          return results.some((r) => failed(r.result)) ? 3 : 0;
        }
        const r = await importFile(station, caller, resolve(path), { trustFingerprint: fingerprint });
        printResult(r, path);
        return failed(r) ? 3 : 0;
      }
      if (sub === 'sync') {
        const caller = unlock(station, flags);
        const r = await syncWithParent(station, caller, { force: true, onProgress: (p) => process.stderr.write(`\r${p.fileName} ${Math.round((100 * p.bytesSent) / Math.max(1, p.bytesTotal))}%`) });
        process.stderr.write('\n');
        for (const u of r.uploaded) out(`↑ #${u.seq} ${u.status}${u.message ? ` ${u.message}` : ''}`);
        if (r.failed) out(`✗ #${r.failed.seq} ${r.failed.message}`);
        for (const f of r.fetched) printResult(f, '↓');
        if (r.fetchError) out(`✗ ${r.fetchError}`);
        return r.failed || r.fetchError ? 4 : 0;
      }
      throw new AppError('INVALID_INPUT', t(packageCommand.usage));
    });
  },
};

const keyCommand: Command = {
  usage: {
    zh: '用法：fupin key show（本节点公钥、指纹与登记表） | fupin key confirm --node 下级节点编号 --fingerprint 指纹 --admin … --password …',
    en: 'Usage: fupin key show | fupin key confirm --node NODE --fingerprint FP --admin U --password PW',
  },
  async run([sub], flags) {
    return withStation(flags, async (station) => {
      if (sub === 'show') {
        const f = registrationForm(station);
        out(f.title);
        out(`节点：${f.nodeName}（${f.nodeId}） ${f.regionPath}`);
        if (f.parent) out(`上级：${f.parent.name}（${f.parent.nodeId}）`);
        out(`密钥编号：${f.keyIdGrouped}`);
        out(`公钥指纹：${f.fingerprint}`);
        out(`minisign 公钥：${f.minisignPublicKey}`);
        out(`加密公钥（age）：${f.ageRecipient ?? '（管理员登录后使用一次数据交换即生成）'}`);
        f.instructions.forEach((line, i) => out(`${i + 1}. ${line}`));
        return 0;
      }
      if (sub === 'confirm') {
        const caller = unlock(station, flags);
        const r = await confirmPeerKey(station, caller, { nodeId: str(flags, 'node'), fingerprint: str(flags, 'fingerprint') });
        out(t({ zh: '密钥已确认。', en: 'Key confirmed.' }));
        if (r) printResult(r);
        return 0;
      }
      throw new AppError('INVALID_INPUT', t(keyCommand.usage));
    });
  },
};

const trustCommand: Command = {
  usage: {
    zh: [
      '用法：',
      '  fupin trust add --node 上级节点编号 --key 公钥文件或base64 --fingerprint 指纹 [--age age1…] [--name 名称]',
      '  fupin trust token --node 下级节点编号        （生成上传凭据，只显示一次）',
      '  fupin trust target --url 上级接收服务地址 --token 上传凭据',
    ].join('\n'),
    en: 'Usage: fupin trust add --node NODE --key FILE|BASE64 --fingerprint FP [--age R] | token --node CHILD | target --url URL --token T',
  },
  async run([sub], flags) {
    return withStation(flags, async (station) => {
      const actor = { userId: null, username: 'cli' };
      if (sub === 'add') {
        const key = str(flags, 'key');
        const text = existsSync(key) ? readFileSync(key, 'utf8') : key;
        const peer = addParentKeyManually(station, actor, {
          nodeId: str(flags, 'node'),
          publicKey: text,
          fingerprint: str(flags, 'fingerprint'),
          ageRecipient: typeof flags.age === 'string' ? flags.age : null,
          name: typeof flags.name === 'string' ? flags.name : null,
        });
        out(t({ zh: `已登记上级 ${peer.name}（${peer.nodeId}）的公钥。`, en: `Registered ${peer.nodeId}.` }));
        return 0;
      }
      if (sub === 'token') {
        out(issueUploadToken(station, actor, str(flags, 'node')));
        return 0;
      }
      if (sub === 'target') {
        const p = setUploadTarget(station, actor, { url: str(flags, 'url'), token: str(flags, 'token') });
        out(t({ zh: `在线报送地址已设置：${p.receiverUrl}`, en: `Receiver set: ${p.receiverUrl}` }));
        return 0;
      }
      throw new AppError('INVALID_INPUT', t(trustCommand.usage));
    });
  },
};

const receiverCommand: Command = {
  usage: {
    zh: '用法：fupin receiver [--port 端口] [--host 127.0.0.1] --admin 用户名 --password 密码（接收下级上传，默认只监听本机）',
    en: 'Usage: fupin receiver [--port P] [--host H] --admin U --password PW',
  },
  async run(_p, flags) {
    const station = await openStation(dbOf(flags), { dailyBackup: false });
    try {
      const caller = unlock(station, flags);
      // loaded here: the tus server is needed only by this command
      const { startReceiver } = await import('../server/receiver/receiver');
      const receiver = await startReceiver(station, {
        secret: caller.secret!,
        actor: caller.actor,
        port: Number(str(flags, 'port', '0')),
        host: str(flags, 'host', '127.0.0.1'),
      });
      out(t({ zh: `数据包接收服务已启动：${receiver.url}`, en: `Receiver listening: ${receiver.url}` }));
      const stop = async () => {
        await receiver.close();
        closeStation(station);
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      await new Promise(() => undefined);
    } catch (err) {
      closeStation(station);
      throw toAppError(err);
    }
  },
};

/** Register with `{ ...commands, ...packageCommands }` in commands.ts. */
export const packageCommands: Record<string, Command> = {
  package: packageCommand,
  key: keyCommand,
  trust: trustCommand,
  receiver: receiverCommand,
};

/** Lines for helpText(). */
export const packageHelp = {
  zh: [
    '  package   数据包：export / list / write / verify / import / sync',
    '  key       key show：本节点公钥、指纹；key confirm：确认下级密钥',
    '  trust     trust add：登记上级公钥；token：下级上传凭据；target：上级接收服务地址',
    '  receiver  启动数据包接收服务（tus 断点续传）',
  ].join('\n'),
  en: [
    '  package   packages: export / list / write / verify / import / sync',
    '  key       key show / key confirm',
    '  trust     trust add / token / target',
    '  receiver  the upload receiver (tus, resumable)',
  ].join('\n'),
};
