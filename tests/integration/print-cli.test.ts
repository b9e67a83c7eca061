// `fupin print` as a clerk's script would run it: the real CLI process on a real station file,
// the PDFs read back with poppler.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fillDemoCounty } from '../../electron/core/demo/fill-county';
import { makeStation, type TestStation } from '../helpers/station';
import { closeStation } from '../../electron/core/station';

let ts: TestStation;
let db: string;
let village: string;

beforeAll(async () => {
  ts = await makeStation();
  fillDemoCounty(ts.station, { households: 120, seed: 5, townships: 1 });
  village = (ts.station.db.$client.prepare('SELECT region_code AS v FROM households GROUP BY region_code ORDER BY count(*) DESC LIMIT 1').get() as { v: string }).v;
  db = ts.station.file;
  closeStation(ts.station);
}, 120_000);
// The station was closed for the CLI to open it: only its folder is left to remove.
afterAll(() => rmSync(ts.dir, { recursive: true, force: true }));

const fupin = (...args: string[]) => spawnSync(process.execPath, ['bin/fupin.js', 'print', ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Shanghai' } });
const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });

describe('fupin print', () => {
  it('tiles an A1 cause table onto A4 sheets: one page per sheet, each A4', () => {
    const out = join(ts.dir, 'tiled');
    const r = fupin('cause-table', '--village', village, '--year', '2020', '--paper', 'A1', '--tile', 'A4', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const sheets = /拼贴：(\d+) 行 × (\d+) 列，共 (\d+) 张/.exec(r.stdout);
    expect(sheets).not.toBeNull();
    const [file] = readdirSync(out);
    expect(file).toMatch(/贫困人口致贫原因表_2020_A1_拼贴A4\.pdf$/);
    const info = pdfinfo(join(out, file!));
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(Number(sheets![3]));
    expect(info).toMatch(/\(A4\)/);
  }, 60_000);

  it('prints the five charts of a village into one file', () => {
    const out = join(ts.dir, 'charts');
    const r = fupin('charts', '--village', village, '--year', '2020', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('共 5 份文档');
    const [township] = readdirSync(out);
    const [file] = readdirSync(join(out, township!));
    expect(pdfinfo(join(out, township!, file!))).toMatch(/^Pages:\s+5$/m);
  }, 60_000);

  it('refuses an unknown document, a bad paper and a non-village code with a Chinese message and exit 1', () => {
    const out = join(ts.dir, 'bad');
    for (const [args, message] of [
      [['公告栏', '--village', village], '未知的文档「公告栏」'],
      [['cause-table', '--village', village, '--paper', 'B5'], '--paper（纸张）只能是 A4、A3、A2、A1、A0'],
      [['cause-table', '--village', '620422100000', '--year', '2020'], '不是本库中的村级区划代码'],
    ] as const) {
      const r = fupin(...args, '--out', out);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(message);
    }
  }, 60_000);
});
