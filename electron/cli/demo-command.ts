// `fupin demo`: fills a database with the demo county (会宁县 by default). With --create it first
// sets up a county node for 会宁县 with a known demo login, which it records so that the login
// page can show it; it never touches a database that already holds households.
import { openStation, closeStation, isInitialized, type Station } from '../core/station';
import { settings } from '../core/db/schema';
import { runWrite, SYSTEM_ACTOR } from '../core/db/write-path';
import { AppError } from '../core/api/errors';
import { setupNode } from '../core/services/node-setup';
import { fillDemoCounty, type FillProgress } from '../core/demo/fill-county';
import { dbOf, type Flags } from './args';
import { t } from './i18n';
import type { Command } from './commands';

/** The county the demo builds when it creates the node: 会宁县, 白银市. */
export const DEMO_REGION = '620422000000';
export const DEMO_LOGIN = { username: 'demo', password: 'Demo1234', displayName: '演示管理员' } as const;

const DEFAULT_HOUSEHOLDS = 35_000;
const DEFAULT_SEED = 2014;

const out = (line: string): void => void process.stdout.write(line + '\n');

function intFlag(flags: Flags, name: string, fallback: number | undefined, min: number, max: number): number | undefined {
  const v = flags[name];
  if (v === undefined) return fallback;
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new AppError('INVALID_INPUT', `参数 --${name} 应为 ${min} 至 ${max} 之间的整数`);
  }
  return n;
}

/** Sets up the 会宁县 county node with the demo administrator and records the demo login. */
function createDemoNode(station: Station): void {
  setupNode(station, {
    level: 'county',
    regionCode: DEMO_REGION,
    adminUsername: DEMO_LOGIN.username,
    adminDisplayName: DEMO_LOGIN.displayName,
    adminPassword: DEMO_LOGIN.password,
  });
  runWrite(station.db, SYSTEM_ACTOR, { action: 'demo.login', entity: 'setting', entityId: 'demo.login' }, (w) => {
    w.insert(settings, { key: 'demo.login', value: JSON.stringify({ username: DEMO_LOGIN.username, password: DEMO_LOGIN.password }) });
  }, station.clock());
}

/** A header, then a line each time another tenth of the households is written. */
function progressPrinter(total: number, seed: number, townships: number | undefined): (p: FillProgress) => void {
  let printedTenths = 0;
  const started = Date.now();
  return (p) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (p.phase === 'write' && p.done === 0) {
      const limit = townships ? { zh: `，前 ${townships} 个乡镇`, en: `, first ${townships} townships` } : { zh: '', en: '' };
      out(t({ zh: `正在生成演示数据：${total} 户，随机种子 ${seed}${limit.zh}`, en: `Generating ${total} households, seed ${seed}${limit.en}` }));
    } else if (p.phase === 'write') {
      const tenths = Math.floor((p.done * 10) / total);
      if (tenths > printedTenths) {
        printedTenths = tenths;
        out(t({ zh: `  已生成并写入 ${p.done} / ${total} 户（${seconds} 秒）`, en: `  ${p.done} / ${total} households written (${seconds} s)` }));
      }
    } else if (p.done === 0) {
      out(t({ zh: '  正在运行数据质量检查（回头看）……', en: '  running the data-quality rules…' }));
    }
  };
}

export const demoCommand: Command = {
  usage: {
    zh: [
      '用法：fupin demo [--db 文件] [--households 户数（默认 35000）] [--seed 随机种子（默认 2014）] [--townships 乡镇数] [--create]',
      '  按真实区划生成演示县（默认会宁县）的建档立卡数据，同一种子生成的数据完全相同。',
      '  --townships N  只用前 N 个乡镇（小演示库）',
      `  --create       数据库未初始化时，先建立会宁县县级节点，演示账号 ${DEMO_LOGIN.username} / ${DEMO_LOGIN.password}`,
      '  只能填入没有户数据的数据库。',
    ].join('\n'),
    en: [
      'Usage: fupin demo [--db FILE] [--households N (default 35000)] [--seed S (default 2014)] [--townships N] [--create]',
      '  Generates the demo county (会宁县 by default) from the real division table; the same seed gives the same data.',
      '  --townships N  only the first N townships (a small demo)',
      `  --create       if the database is not initialized, set up a 会宁县 county node first (login ${DEMO_LOGIN.username} / ${DEMO_LOGIN.password})`,
      '  Refuses a database that already has households.',
    ].join('\n'),
  },
  booleans: ['create'],
  async run(_positionals, flags) {
    const households = intFlag(flags, 'households', DEFAULT_HOUSEHOLDS, 1, 500_000)!;
    const seed = intFlag(flags, 'seed', DEFAULT_SEED, -2_147_483_648, 4_294_967_295)!;
    const townships = intFlag(flags, 'townships', undefined, 1, 1000);
    const station = await openStation(dbOf(flags), { dailyBackup: false });
    try {
      let created = false;
      if (!isInitialized(station)) {
        if (flags.create !== true) {
          throw new AppError('NOT_INITIALIZED', '数据库尚未初始化：加 --create 可建立会宁县演示节点，或先运行 fupin init 建立节点');
        }
        createDemoNode(station);
        created = true;
        out(t({ zh: `已建立会宁县演示节点，演示账号：${DEMO_LOGIN.username} / ${DEMO_LOGIN.password}`, en: `Demo county node for 会宁县 created; login ${DEMO_LOGIN.username} / ${DEMO_LOGIN.password}` }));
      }
      const result = fillDemoCounty(station, {
        households,
        seed,
        ...(townships === undefined ? {} : { townships }),
        onProgress: progressPrinter(households, seed, townships),
      });
      const s = (ms: number) => (ms / 1000).toFixed(1);
      out(
        t({
          zh: `完成：${result.townships} 个乡镇，${result.villages} 个村（社区），${result.households} 户，${result.persons} 人，共 ${s(result.timings.totalMs)} 秒（生成 ${s(result.timings.generateMs)} 秒，写入 ${s(result.timings.insertMs)} 秒，质量检查 ${s(result.timings.qualityMs)} 秒）`,
          en: `Done: ${result.townships} townships, ${result.villages} villages, ${result.households} households, ${result.persons} persons in ${s(result.timings.totalMs)} s (generate ${s(result.timings.generateMs)} s, write ${s(result.timings.insertMs)} s, quality ${s(result.timings.qualityMs)} s)`,
        }),
      );
      const a = result.assistance;
      out(
        t({
          zh: `帮扶：${a.units} 个帮扶单位，${a.cadres} 名帮扶责任人，${a.teams} 支驻村工作队，${a.pairings} 户结对，${a.measures} 项措施，${a.ledger} 条台账（${s(a.ms)} 秒）`,
          en: `Assistance: ${a.units} units, ${a.cadres} cadres, ${a.teams} village teams, ${a.pairings} pairings, ${a.measures} measures, ${a.ledger} ledger entries (${s(a.ms)} s)`,
        }),
      );
      out(
        t({
          zh: `数据质量：有错误的户 ${result.quality.withErrors}，有提醒的户 ${result.quality.withWarnings}`,
          en: `Quality: ${result.quality.withErrors} households with errors, ${result.quality.withWarnings} with warnings`,
        }),
      );
      out(t({ zh: `数据库：${station.file}`, en: `Database: ${station.file}` }));
      if (created || station.demoLogin) {
        out(t({ zh: `演示账号：${DEMO_LOGIN.username} / ${DEMO_LOGIN.password}`, en: `Demo login: ${DEMO_LOGIN.username} / ${DEMO_LOGIN.password}` }));
      }
    } finally {
      closeStation(station);
    }
  },
};
