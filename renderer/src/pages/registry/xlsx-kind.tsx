import { Segmented } from 'antd';
import type { ImportReportView, VillageImportReportView } from '../../../../electron/core/api/contract';

/** What an xlsx import or export carries: the registry's households and persons, or the village forms. */
export type XlsxKind = 'household' | 'village';

export const isVillageReport = (r: ImportReportView | VillageImportReportView): r is VillageImportReportView => 'validVillages' in r.summary;

/** The two kinds side by side at the top of the import and export dialogs. */
export function XlsxKindChoice({ value, onChange, households = true }: { value: XlsxKind; onChange(kind: XlsxKind): void; households?: boolean }) {
  return (
    <Segmented<XlsxKind>
      aria-label="文件内容"
      style={{ marginBottom: 12 }}
      value={value}
      onChange={onChange}
      options={[
        { value: 'household', label: '户和人员', disabled: !households, ...(households ? {} : { title: '含完整身份证号，仅管理员可导出' }) },
        { value: 'village', label: '村信息表' },
      ]}
    />
  );
}
