// What the clerk reads when the station database cannot be opened. Pure, so each case is tested.
// The file is never deleted, moved or repaired from here: corruption is reported, not "fixed".
import { AppError } from '../core/api/errors';

export interface StartupProblem {
  /** A stable code the clerk can read out over the phone: DB_TOO_NEW, SQLITE_CORRUPT… */
  code: string;
  title: string;
  message: string;
}

const SQLITE_HINTS: Record<string, string> = {
  SQLITE_CORRUPT: '数据库文件已损坏。请联系县扶贫办技术人员，用备份文件夹中的备份恢复。',
  SQLITE_NOTADB: '该文件不是扶贫工作站的数据库，或已损坏。请联系县扶贫办技术人员。',
  SQLITE_BUSY: '数据库正被另一个程序占用（可能是另一个扶贫工作站或命令行工具）。请关闭后重试。',
  SQLITE_LOCKED: '数据库正被另一个程序占用（可能是另一个扶贫工作站或命令行工具）。请关闭后重试。',
  SQLITE_CANTOPEN: '无法打开数据库文件：请检查文件夹是否存在、是否有写入权限。',
  SQLITE_READONLY: '数据库文件是只读的：请检查文件属性和文件夹权限。',
  SQLITE_FULL: '磁盘空间不足，无法打开数据库。请清理磁盘后重试。',
  SQLITE_IOERR: '读写磁盘时出错：请检查磁盘或U盘是否正常。',
  EACCES: '没有访问数据文件夹的权限。',
  EPERM: '没有访问数据文件夹的权限。',
  ENOSPC: '磁盘空间不足。',
  EROFS: '数据文件夹所在的磁盘是只读的。',
};

function errorCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  const code = (err as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/**
 * Names the problem by its kind or code. AppError messages are written for the user already;
 * other errors' messages can quote SQL or row values, so only their code is shown.
 */
export function describeStartupError(err: unknown, dbFile: string): StartupProblem {
  const title = '扶贫工作站无法启动';
  const tail = `\n\n数据库文件：${dbFile}\n程序已退出，没有删除或覆盖该文件。`;
  if (err instanceof AppError) return { code: err.kind, title, message: `${err.message}${tail}` };
  const code = errorCode(err);
  const known = code === null ? undefined : (SQLITE_HINTS[code] ?? SQLITE_HINTS[code.replace(/_[A-Z]+$/, '')]);
  if (code !== null && known !== undefined) return { code, title, message: `${known}${tail}` };
  return {
    code: code ?? 'INTERNAL',
    title,
    message: `打开数据库时发生意外错误（${code ?? (err instanceof Error ? err.name : '未知')}）。请联系县扶贫办技术人员。${tail}`,
  };
}
