import { useState } from 'react';
import { Alert, Button, Form, Modal, Radio, Select, Typography } from 'antd';
import type { ExportLayoutName } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { saveDownload } from '../../api/transfer';
import { levelOfCode } from '../../region-code';
import { XlsxKindChoice, type XlsxKind } from './xlsx-kind';

interface Props {
  /** The region chosen in the tree: everything below it is exported */
  regionCode: string;
  regionPath: string;
  /** The households' file holds full ID numbers: administrators only, as core enforces */
  canExportHouseholds: boolean;
  onClose(): void;
}

const LAYOUTS: { value: ExportLayoutName; label: string; hint: string }[] = [
  { value: 'person', label: '每人一行', hint: '全国格式，可再导入本系统或其他工作站' },
  { value: 'household', label: '每户一行', hint: '户主和户的情况，便于统计和核对' },
];

function yearOptions(): { value: number; label: string }[] {
  const out = [];
  for (let y = new Date().getFullYear(); y >= 2014; y--) out.push({ value: y, label: `${y} 年度` });
  return out;
}

type Done = { fileName: string; counted: string; path: string | null; saved: boolean };

/**
 * 导出 xlsx of the selected region: the registry's full, unmasked data (an administrator's), or
 * the village forms, one row per village (anyone who may read them; the file to fill in and import back).
 */
export function ExportDialog({ regionCode, regionPath, canExportHouseholds, onClose }: Props) {
  const [kind, setKind] = useState<XlsxKind>(canExportHouseholds ? 'household' : 'village');
  const [layout, setLayout] = useState<ExportLayoutName>('person');
  const [year, setYear] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  async function run(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      if (kind === 'village') {
        const view = await call('registry.exportVillageXlsx', { regionCode });
        const counted = `已导出 ${view.rows.toLocaleString('zh-CN')} 个村的村信息表（其中 ${view.stored.toLocaleString('zh-CN')} 个村已填写）`;
        setDone({ fileName: view.fileName, counted, ...(await saveDownload(view.downloadRef, view.fileName)) });
      } else {
        const view = await call('registry.exportXlsx', { regionCode, layout, ...(year ? { year } : {}) });
        const counted = `已导出 ${view.households.toLocaleString('zh-CN')} 户、${view.rows.toLocaleString('zh-CN')} 行`;
        setDone({ fileName: view.fileName, counted, ...(await saveDownload(view.downloadRef, view.fileName)) });
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title="导出 xlsx"
      width={560}
      onCancel={onClose}
      destroyOnHidden
      footer={
        done ? (
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={busy} onClick={() => void run()}>
              导出
            </Button>
          </>
        )
      }
    >
      {done ? (
        <Alert
          type={done.saved ? 'success' : 'info'}
          showIcon
          data-testid="export-done"
          message={done.saved ? done.counted : '已取消保存'}
          description={done.saved ? (done.path ? `文件已保存到 ${done.path}` : `文件「${done.fileName}」已下载到浏览器的下载文件夹`) : '导出的文件没有保存，可重新导出。'}
        />
      ) : (
        <Form layout="vertical">
          <XlsxKindChoice value={kind} onChange={setKind} households={canExportHouseholds} />
          <Form.Item label="范围">
            <Typography.Text strong>{regionPath}</Typography.Text>
            <Typography.Text type="secondary">
              （左侧区划树中选中的{levelOfCode(regionCode) === 'village' ? '村' : '区域'}及其下所有{kind === 'village' ? '村' : '户'}）
            </Typography.Text>
          </Form.Item>
          {kind === 'village' ? (
            <Alert
              type="info"
              showIcon
              message="贫困村信息采集表，每个村一行"
              description="表头为采集表的字段名，按村代码排列；还没有填写采集表的村只有村代码和村名。可在 Excel 中填好后，用“导入 xlsx”中的“村信息表”导回。"
            />
          ) : (
            <HouseholdOptions layout={layout} setLayout={setLayout} year={year} setYear={setYear} />
          )}
          {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message="导出未完成" description={error} />}
        </Form>
      )}
    </Modal>
  );
}

interface HouseholdChoice {
  layout: ExportLayoutName;
  setLayout(l: ExportLayoutName): void;
  year: number | null;
  setYear(y: number | null): void;
}

/** 每人一行 or 每户一行, a year or all, and the warning that the file is unmasked. */
function HouseholdOptions({ layout, setLayout, year, setYear }: HouseholdChoice) {
  return (
    <>
      <Form.Item label="格式">
        <Radio.Group aria-label="导出格式" value={layout} onChange={(e) => setLayout(e.target.value as ExportLayoutName)}>
          {LAYOUTS.map((l) => (
            <Radio key={l.value} value={l.value} style={{ display: 'flex', marginBottom: 4 }}>
              {l.label}
              <Typography.Text type="secondary">（{l.hint}）</Typography.Text>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item label="年度">
        <Select<number> aria-label="导出年度" allowClear placeholder="全部年度" style={{ width: 160 }} value={year ?? undefined} onChange={(v) => setYear(v ?? null)} options={yearOptions()} />
      </Form.Item>
      <Alert type="warning" showIcon message="导出的文件含完整的身份证号、电话和银行账号，不打码。请妥善保管，不要通过微信、QQ 等传送。" />
    </>
  );
}
