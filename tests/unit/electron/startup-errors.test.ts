import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/api/errors';
import { describeStartupError } from '../../../electron/main/startup-errors';

const FILE = 'C:\\Users\\clerk\\AppData\\Roaming\\fupin-station\\station.db';

const sqliteError = (code: string, message: string): Error => Object.assign(new Error(message), { name: 'SqliteError', code });

describe('describeStartupError', () => {
  it('names an AppError by its kind and keeps its Chinese message', () => {
    const p = describeStartupError(new AppError('DB_TOO_NEW', '数据库由更新版本的扶贫工作站创建'), FILE);
    expect(p.code).toBe('DB_TOO_NEW');
    expect(p.title).toBe('扶贫工作站无法启动');
    expect(p.message).toContain('数据库由更新版本的扶贫工作站创建');
    expect(p.message).toContain(FILE);
    expect(p.message).toContain('没有删除或覆盖该文件');
  });

  it('explains SQLite codes, including extended ones, without echoing the message', () => {
    const corrupt = describeStartupError(sqliteError('SQLITE_CORRUPT', 'database disk image is malformed'), FILE);
    expect(corrupt.code).toBe('SQLITE_CORRUPT');
    expect(corrupt.message).toContain('已损坏');
    const busy = describeStartupError(sqliteError('SQLITE_BUSY_SNAPSHOT', 'x'), FILE);
    expect(busy.message).toContain('占用');
    const io = describeStartupError(sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error'), FILE);
    expect(io.message).toContain('读写磁盘时出错');
    expect(describeStartupError(Object.assign(new Error('no'), { code: 'EACCES' }), FILE).message).toContain('权限');
  });

  it('never shows the text of an unexpected error (it may quote row values)', () => {
    const p = describeStartupError(new Error("UNIQUE constraint failed: person.id_number '620422199001011234'"), FILE);
    expect(p.code).toBe('INTERNAL');
    expect(p.message).not.toContain('620422199001011234');
    expect(p.message).toContain('Error');
    const q = describeStartupError(sqliteError('SQLITE_CONSTRAINT_UNIQUE', "row '620422199001011234'"), FILE);
    expect(q.code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(q.message).not.toContain('620422199001011234');
  });
});
