import { useState } from 'react';
import { Alert, Button, Modal, Radio, Result, Space, Spin, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { ImportApplyView, ImportModeName, ImportReportView, VillageImportApplyView, VillageImportReportView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText, isApiError } from '../../api/errors';
import { uploadFile } from '../../api/transfer';
import { ImportFileNotes, ImportSummary, ProblemTable, VillageImportSummary } from './import-report';
import { isVillageReport, XlsxKindChoice, type XlsxKind } from './xlsx-kind';

interface Props {
  /** The caller's region, for the opening sentence */
  scopeName: string;
  onClose(): void;
  /** After an apply that wrote something: the list should read again. */
  onImported(): void;
}

type Report = ImportReportView | VillageImportReportView;
type Applied = ImportApplyView | VillageImportApplyView;

type Step =
  | { step: 'pick'; error: string | null }
  | { step: 'checking'; fileName: string }
  | { step: 'report'; fileRef: string; report: Report; applying: boolean }
  | { step: 'done'; report: Report; result: Applied | null; refused: string | null };

/** The words that differ between the two kinds of file. */
const KINDS = {
  household: {
    title: '导入 xlsx（全国“每人一行”格式）',
    unit: '户',
    /** 一户, 一个村: the noun as counted */
    counted: '户',
    pick: '选择建档立卡信息表（.xlsx，每个成员一行，户的信息在每行重复）。',
  },
  village: {
    title: '导入 xlsx（村信息表，每个村一行）',
    unit: '村',
    counted: '个村',
    pick: '选择贫困村信息采集表（.xlsx，每个村一行，按“村代码”对应到村；表头为采集表的字段名，可先在“导出 xlsx”中导出村信息表作为模板）。',
  },
} as const;

const modes = ({ unit, counted }: (typeof KINDS)[XlsxKind]): { value: ImportModeName; label: string; hint: string }[] => [
  { value: 'all', label: '全部导入或全不导入', hint: `只要有一${counted}有错误，就一${counted}也不导入` },
  { value: 'valid', label: `只导入无错误的${unit}`, hint: `有错误的${unit}跳过，其余的${unit}导入` },
];

const invalidOf = (r: Report) => (isVillageReport(r) ? r.summary.invalidVillages : r.summary.invalidHouseholds);
const validOf = (r: Report) => (isVillageReport(r) ? r.summary.validVillages : r.summary.validHouseholds);

/**
 * 导入 xlsx: choose the kind of file (户和人员 or 村信息表) → pick a file → the dry run's summary
 * and problems (行, 字段, 规则, 说明) → choose all-or-nothing or only the valid rows → apply in
 * one transaction → what was written. A bad file (not xlsx, empty, no matching sheet) shows
 * core's sentence and changes nothing.
 */
export function ImportDialog({ scopeName, onClose, onImported }: Props) {
  const [state, setState] = useState<Step>({ step: 'pick', error: null });
  const [mode, setMode] = useState<ImportModeName>('all');
  const [kind, setKind] = useState<XlsxKind>('household');
  const words = KINDS[kind];

  async function check(file: File): Promise<void> {
    setState({ step: 'checking', fileName: file.name });
    try {
      const { fileRef } = await uploadFile(file);
      const report: Report = kind === 'village' ? await call('registry.villageImportDryRun', { uploadRef: fileRef }) : await call('registry.importDryRun', { uploadRef: fileRef });
      setMode(invalidOf(report) > 0 ? 'valid' : 'all');
      setState({ step: 'report', fileRef, report, applying: false });
    } catch (err) {
      setState({ step: 'pick', error: errorText(err) });
    }
  }

  async function apply(fileRef: string, report: Report): Promise<void> {
    setState({ step: 'report', fileRef, report, applying: true });
    try {
      const input = { uploadRef: fileRef, mode, expectedSha256: report.file.sha256 };
      const result: Applied = isVillageReport(report) ? await call('registry.villageImportApply', input) : await call('registry.importApply', input);
      setState({ step: 'done', report, result, refused: null });
      if (result.applied.inserted + result.applied.updated > 0) onImported();
    } catch (err) {
      // ROW_INVALID: all-or-nothing met a household with errors; nothing was written.
      if (isApiError(err, 'ROW_INVALID')) setState({ step: 'done', report, result: null, refused: err.message });
      else setState({ step: 'pick', error: errorText(err) });
    }
  }

  const footer = (() => {
    switch (state.step) {
      case 'report': {
        const nothing = validOf(state.report) === 0;
        return (
          <Space>
            <Button onClick={() => setState({ step: 'pick', error: null })} disabled={state.applying}>
              重新选择文件
            </Button>
            <Button type="primary" loading={state.applying} disabled={nothing} onClick={() => void apply(state.fileRef, state.report)}>
              开始导入
            </Button>
          </Space>
        );
      }
      case 'done':
        return (
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        );
      default:
        return <Button onClick={onClose}>关闭</Button>;
    }
  })();

  return (
    <Modal open title={words.title} width={960} onCancel={onClose} footer={footer} destroyOnHidden maskClosable={false}>
      {state.step === 'pick' && (
        <>
          <XlsxKindChoice value={kind} onChange={setKind} />
          <Typography.Paragraph>
            {words.pick}先预检、不写入；看过问题清单后再决定导入方式。只能导入{scopeName}范围内的{words.unit}。
          </Typography.Paragraph>
          {state.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message="文件未能预检，未导入任何数据" description={state.error} data-testid="import-file-error" />}
          <Upload.Dragger
            accept=".xlsx"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void check(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击选择文件，或把文件拖到这里</p>
            <p className="ant-upload-hint">Excel 2007 及以上的工作簿（.xlsx），最大 200 MB</p>
          </Upload.Dragger>
        </>
      )}
      {state.step === 'checking' && (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
          <Typography.Paragraph style={{ marginTop: 16 }}>正在读取并逐行检查「{state.fileName}」……</Typography.Paragraph>
        </div>
      )}
      {state.step === 'report' && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <ImportFileNotes report={state.report} unit={words.unit} />
          {isVillageReport(state.report) ? <VillageImportSummary summary={state.report.summary} /> : <ImportSummary summary={state.report.summary} />}
          <ProblemTable problems={state.report.problems} total={state.report.problemCount} />
          <div>
            <Typography.Text strong>导入方式：</Typography.Text>
            <Radio.Group aria-label="导入方式" value={mode} onChange={(e) => setMode(e.target.value as ImportModeName)} disabled={state.applying}>
              {modes(words).map((m) => (
                <Radio key={m.value} value={m.value}>
                  {m.label}
                  <Typography.Text type="secondary">（{m.hint}）</Typography.Text>
                </Radio>
              ))}
            </Radio.Group>
          </div>
        </Space>
      )}
      {state.step === 'done' && (state.result ? <AppliedResult result={state.result} counted={words.counted} /> : <RefusedResult message={state.refused ?? ''} />)}
    </Modal>
  );
}

function AppliedResult({ result, counted: unit }: { result: Applied; counted: string }) {
  const a = result.applied;
  return (
    <Result
      status="success"
      title="导入完成"
      subTitle={`新增 ${a.inserted} ${unit}，更新 ${a.updated} ${unit}，无变化 ${a.unchanged} ${unit}${a.skipped > 0 ? `，跳过 ${a.skipped} ${unit}（有错误，未导入）` : ''}。`}
      extra={
        a.skipped > 0 ? (
          <div style={{ textAlign: 'left' }}>
            <ProblemTable problems={result.problems.filter((p) => p.severity === 'error')} total={result.summary.errors} />
          </div>
        ) : undefined
      }
    />
  );
}

function RefusedResult({ message }: { message: string }) {
  return <Result status="error" title="未导入任何数据" subTitle={message} />;
}
