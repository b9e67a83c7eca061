import { resolve } from 'node:path';
import { openStation, closeStation, type Station } from '../core/station';
import { dispatch } from '../core/api/router';
import type { MethodName, Output, Input } from '../core/api/contract';
import { AppError } from '../core/api/errors';
import { startWebServer } from '../server/http-server';
import { backupDatabase } from '../core/services/backup';
import { restoreFromBackup } from '../core/services/restore';
import { ROLES, ROLE_LABELS, type Role } from '../core/domain/roles';
import { dbOf, str, type Flags } from './args';
import { withStation } from './with-station';
import { t, type Texts } from './i18n';
import { demoCommand } from './demo-command';
import { importCommand, exportCommand } from './xlsx-commands';
import { packageCommands, packageHelp } from './package-commands';
import { printCommand } from './print-command';

export interface Command {
  usage: Texts;
  booleans?: string[];
  run(positionals: string[], flags: Flags): Promise<number | void>;
}

const out = (line: string): void => void process.stdout.write(line + '\n');

/** Runs one API method as the node operator and unwraps the envelope into a value or an AppError. */
async function api<M extends MethodName>(station: Station, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await dispatch(station, { method, input, operator: true });
  if (!result.ok) throw new AppError(result.error.kind, result.error.message);
  return result.value;
}


const init: Command = {
  usage: {
    zh: '用法：fupin init --level county|township|province --region 12位区划代码 --admin 用户名 --password 密码 [--admin-name 姓名] [--name 节点名称] [--db 文件]',
    en: 'Usage: fupin init --level county|township|province --region CODE --admin USER --password PW [--admin-name NAME] [--name NODE] [--db FILE]',
  },
  async run(_p, flags) {
    await withStation(flags, async (station) => {
      const admin = str(flags, 'admin');
      const node = await api(station, 'system.setup', {
        level: str(flags, 'level') as 'county',
        regionCode: str(flags, 'region'),
        name: typeof flags.name === 'string' ? flags.name : undefined,
        adminUsername: admin,
        adminDisplayName: str(flags, 'admin-name', admin),
        adminPassword: str(flags, 'password'),
      });
      out(t({ zh: `节点已建立：${node.name}（${node.regionPath}）`, en: `Node created: ${node.nodeId}` }));
      out(t({ zh: `数据库：${station.file}`, en: `Database: ${station.file}` }));
      out(t({ zh: `节点密钥指纹（请与上级单位当面或电话核对）：${node.keyFingerprint}`, en: `Key fingerprint (confirm with the parent office): ${node.keyFingerprint}` }));
    });
  },
};

const serve: Command = {
  usage: { zh: '用法：fupin serve [--port 端口] [--db 文件]（仅监听 127.0.0.1）', en: 'Usage: fupin serve [--port P] [--db FILE] (127.0.0.1 only)' },
  async run(_p, flags) {
    const started = Date.now();
    const station = await openStation(dbOf(flags));
    const server = await startWebServer(station, { port: Number(str(flags, 'port', '0')) });
    out(t({ zh: `扶贫工作站网页模式已启动（${Date.now() - started} 毫秒）。请在浏览器中打开：`, en: `Fupin Station web mode is up (${Date.now() - started} ms). Open:` }));
    out(server.launchUrl);
    if (station.demoLogin) out(t({ zh: `演示账号：${station.demoLogin.username} / ${station.demoLogin.password}`, en: `Demo login: ${station.demoLogin.username} / ${station.demoLogin.password}` }));
    const stop = async () => {
      await server.close();
      closeStation(station);
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    await new Promise(() => undefined);
  },
};

const user: Command = {
  usage: {
    zh: [
      '用法：',
      '  fupin user list',
      `  fupin user add --username 用户名 --name 姓名 --role ${ROLES.join('|')} --scope 区划代码 --password 密码`,
      '  fupin user passwd --username 用户名 --password 新密码（下次登录须修改）',
      '  fupin user unlock --username 用户名',
    ].join('\n'),
    en: 'Usage: fupin user list | add --username U --name N --role admin|clerk|viewer --scope CODE --password PW | passwd --username U --password PW | unlock --username U',
  },
  async run([sub], flags) {
    await withStation(flags, async (station) => {
      const findId = async (username: string) => {
        const found = (await api(station, 'users.list', {})).find((u) => u.username === username);
        if (!found) throw new AppError('NOT_FOUND', `账号「${username}」不存在`);
        return found.id;
      };
      if (sub === 'list') {
        for (const u of await api(station, 'users.list', {})) {
          const state = u.disabled ? '停用' : u.lockedUntil ? `锁定至 ${u.lockedUntil}` : '正常';
          out(`${u.username}\t${u.displayName}\t${ROLE_LABELS[u.role]}\t${u.scopeName}（${u.scopeCode}）\t${state}`);
        }
      } else if (sub === 'add') {
        const role = str(flags, 'role') as Role;
        const created = await api(station, 'users.create', {
          username: str(flags, 'username'),
          displayName: str(flags, 'name', str(flags, 'username')),
          role,
          scopeCode: str(flags, 'scope'),
          password: str(flags, 'password'),
        });
        out(t({ zh: `已新建账号 ${created.username}（${ROLE_LABELS[created.role]}，${created.scopeName}）`, en: `Created ${created.username}` }));
        if (role === 'admin') out(t({ zh: '提示：命令行新建的管理员没有节点密钥槽，需由已有管理员在界面中重置其密码后才能签名数据包。', en: 'Note: an admin created here has no key slot until an existing admin resets their password in the UI.' }));
      } else if (sub === 'passwd') {
        const id = await findId(str(flags, 'username'));
        await api(station, 'users.resetPassword', { id, password: str(flags, 'password') });
        out(t({ zh: '密码已重置，该账号下次登录时须修改密码。', en: 'Password reset; the user must change it at next login.' }));
      } else if (sub === 'unlock') {
        await api(station, 'users.unlock', { id: await findId(str(flags, 'username')) });
        out(t({ zh: '已解除锁定。', en: 'Unlocked.' }));
      } else {
        throw new AppError('INVALID_INPUT', t(user.usage));
      }
    });
  },
};

const audit: Command = {
  usage: { zh: '用法：fupin audit verify [--db 文件]', en: 'Usage: fupin audit verify [--db FILE]' },
  async run([sub], flags) {
    if (sub !== 'verify') throw new AppError('INVALID_INPUT', t(audit.usage));
    return withStation(flags, async (station) => {
      const result = await api(station, 'audit.verify', {});
      if (result.ok) {
        out(t({ zh: `审计链完整：共 ${result.entries} 条记录，全部校验通过。`, en: `Audit chain intact: ${result.entries} entries verified.` }));
        return 0;
      }
      out(t({ zh: `审计链损坏：${result.firstBad?.message}`, en: `Audit chain broken at entry ${result.firstBad?.seq}: ${result.firstBad?.problem}` }));
      return 3;
    });
  },
};

const backup: Command = {
  usage: { zh: '用法：fupin backup [--out 文件] [--db 文件]', en: 'Usage: fupin backup [--out FILE] [--db FILE]' },
  async run(_p, flags) {
    await withStation(flags, async (station) => {
      const outFile = typeof flags.out === 'string' ? resolve(flags.out) : undefined;
      const info = outFile
        ? await backupDatabase(station.db.$client, station.file, 'manual', { out: outFile })
        : await api(station, 'backup.create', {});
      out(t({ zh: `备份完成并已通过完整性检查：${'file' in info ? info.file : info.name}（${info.sizeBytes} 字节）`, en: `Backup written and integrity-checked: ${'file' in info ? info.file : info.name}` }));
    });
  },
};

const restore: Command = {
  usage: { zh: '用法：fupin restore 备份文件 [--db 文件]（恢复前会自动备份当前数据）', en: 'Usage: fupin restore BACKUP_FILE [--db FILE]' },
  async run([file], flags) {
    if (!file) throw new AppError('INVALID_INPUT', t(restore.usage));
    await withStation(flags, async (station) => {
      const { safetyBackup } = await restoreFromBackup(station, resolve(file));
      out(t({ zh: `已从 ${file} 恢复。恢复前的数据已备份为 ${safetyBackup.file}`, en: `Restored from ${file}. Previous data saved as ${safetyBackup.file}` }));
    });
  },
};

export const commands: Record<string, Command> = {
  init,
  demo: demoCommand,
  serve,
  user,
  audit,
  backup,
  restore,
  import: importCommand,
  export: exportCommand,
  print: printCommand,
  ...packageCommands,
};

export function helpText(): string {
  return t({
    zh: `扶贫工作站命令行（fupin）

命令：
  init      建立新节点（数据库、区划、第一个管理员、节点密钥）
  demo      生成演示县数据（默认会宁县 35 000 户；--create 同时建立演示节点）
  serve     以网页模式启动（仅本机 127.0.0.1）
  user      账号管理：list / add / passwd / unlock
  audit     audit verify：校验审计哈希链
  backup    在线备份数据库并做完整性检查
  restore   从备份恢复
  import    导入国家格式的建档立卡 xlsx（先试导入，再全部导入或只导入无错误的户）
  export    export xlsx：导出建档立卡 xlsx（每人一行或每户一行；--layout village：村信息表）
  print     打印五张图、明白卡、公示等 PDF（可拼贴到 A4/A3，可按乡镇批量）
${packageHelp.zh}

通用参数：--db 数据库文件（默认为本机工作站数据库），--lang en 英文输出，--help 查看某命令用法
`,
    en: `Fupin Station command line (fupin)

Commands:
  init      create a node (database, regions, first administrator, node key)
  demo      fill the demo county (会宁县, 35 000 households by default; --create sets up the node)
  serve     start web mode (127.0.0.1 only)
  user      accounts: list / add / passwd / unlock
  audit     audit verify: check the hash chain
  backup    online backup with integrity check
  restore   restore from a backup
  import    import a national-layout registry xlsx (dry run, then all or only the valid households)
  export    export xlsx: the registry as xlsx (one row per person or per household; --layout village: the village forms)
  print     wall charts, door cards, notices as PDF (tiled on A4/A3; batches per township)
${packageHelp.en}

Common flags: --db FILE (default: this station's database), --lang en, --help
`,
  });
}
