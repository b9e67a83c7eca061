import { pinyin } from 'pinyin-pro';

/** Pinyin initials of a Chinese name, surname readings applied (曾 → z, 单 → s): 张三丰 → zsf. */
export function nameInitials(name: string | null | undefined): string {
  if (!name) return '';
  return pinyin(name.replace(/\s+/g, ''), { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
