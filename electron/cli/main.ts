import { AppError } from '../core/api/errors';
import { parse } from './args';
import { setLang, t } from './i18n';
import { commands, helpText } from './commands';

/** Runs one command; returns the process exit code. Every failure prints a clear message. */
export async function main(argv: string[]): Promise<number> {
  const langIndex = argv.indexOf('--lang');
  if (langIndex >= 0) {
    setLang(argv[langIndex + 1] === 'en' ? 'en' : 'zh');
    argv = [...argv.slice(0, langIndex), ...argv.slice(langIndex + 2)];
  }
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(helpText());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(t({ zh: `未知命令「${name}」。`, en: `Unknown command "${name}".` }) + '\n\n' + helpText());
    return 2;
  }
  try {
    const { positionals, flags } = parse(rest, command.booleans ?? []);
    if (flags.help) {
      process.stdout.write(t(command.usage) + '\n');
      return 0;
    }
    return (await command.run(positionals, flags)) ?? 0;
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`${t({ zh: '错误', en: 'Error' })} [${err.kind}]：${err.message}\n`);
      return 1;
    }
    process.stderr.write(t({ zh: '内部错误：', en: 'Internal error: ' }) + (err instanceof Error ? err.message : String(err)) + '\n');
    return 1;
  }
}
