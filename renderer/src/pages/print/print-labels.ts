// Sentences and labels the print tabs share.
import type { BatchLayout } from '../../../../electron/core/api/contract';

export const DRAFT_NOTE = '该年度尚未结转审定：文档每页印有「草稿 未审定」水印，不能作为正式公示或上墙材料；年度结转后打印的为正式版。';

export const LAYOUT_LABELS: Record<BatchLayout, string> = {
  'per-document': '每个文档一个文件',
  'per-village': '每村一个文件',
  combined: '合并为一个文件',
};
