import { useState } from 'react';
import { Alert, Button, Modal, Radio, Result, Space, Spin, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { ImportApplyView, ImportModeName, ImportReportView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText, isApiError } from '../../api/errors';
import { uploadFile } from '../../api/transfer';
import { ImportFileNotes, ImportSummary, ProblemTable } from './import-report';

interface Props {
  /** The caller's region, for the opening sentence */
  scopeName: string;
  onClose(): void;
  /** After an apply that wrote something: the list should read again. */
  onImported(): void;
}

type Step =
  | { step: 'pick'; error: string | null }
  | { step: 'checking'; fileName: string }
  | { step: 'report'; fileRef: string; report: ImportReportView; applying: boolean }
  | { step: 'done'; report: ImportReportView; result: ImportApplyView | null; refused: string | null };

const MODES: { value: ImportModeName; label: string; hint: string }[] = [
  { value: 'all', label: '全部导入或全不导入', hint: '只要有一户有错误，就一户也不导入' },
  { value: 'valid', label: '只导入无错误的户', hint: '有错误的户跳过，其余的户导入' },
];

/**
 * 导入 xlsx: pick a file → the dry run's summary and problems (行, 字段, 规则, 说明) → choose
 * all-or-nothing or only the valid households → apply in one transaction → what was written.
 * A bad file (not xlsx, empty, no registry sheet) shows core's sentence and changes nothing.
 */
export function ImportDialog({ scopeName, onClose, onImported }: Props) {
  const [state, setState] = useState<Step>({ step: 'pick', error: null });
  const [mode, setMode] = useState<ImportModeName>('all');

  async function check(file: File): Promise<void> {
    setState({ step: 'checking', fileName: file.name });
    try {
      const { fileRef } = await uploadFile(file);
      const report = await call('registry.importDryRun', { uploadRef: fileRef });
      setMode(report.summary.invalidHouseholds > 0 ? 'valid' : 'all');
      setState({ step: 'report', fileRef, report, applying: false });
    } catch (err) {
      setState({ step: 'pick', error: errorText(err) });
    }
  }

  async function apply(fileRef: string, report: ImportReportView): Promise<void> {
    setState({ step: 'report', fileRef, report, applying: true });
    try {
      const result = await call('registry.importApply', { uploadRef: fileRef, mode, expectedSha256: report.file.sha256 });
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
        const nothing = state.report.summary.validHouseholds === 0;
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
    <Modal open title="导入 xlsx（全国“每人一行”格式）" width={960} onCancel={onClose} footer={footer} destroyOnHidden maskClosable={false}>
      {state.step === 'pick' && (
        <>
          <Typography.Paragraph>
            选择建档立卡信息表（.xlsx，每个成员一行，户的信息在每行重复）。先预检、不写入；看过问题清单后再决定导入方式。只能导入{scopeName}范围内的户。
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
          <ImportFileNotes report={state.report} />
          <ImportSummary summary={state.report.summary} />
          <ProblemTable problems={state.report.problems} total={state.report.problemCount} />
          <div>
            <Typography.Text strong>导入方式：</Typography.Text>
            <Radio.Group aria-label="导入方式" value={mode} onChange={(e) => setMode(e.target.value as ImportModeName)} disabled={state.applying}>
              {MODES.map((m) => (
                <Radio key={m.value} value={m.value}>
                  {m.label}
                  <Typography.Text type="secondary">（{m.hint}）</Typography.Text>
                </Radio>
              ))}
            </Radio.Group>
          </div>
        </Space>
      )}
      {state.step === 'done' && (state.result ? <AppliedResult result={state.result} /> : <RefusedResult message={state.refused ?? ''} />)}
    </Modal>
  );
}

function AppliedResult({ result }: { result: ImportApplyView }) {
  const a = result.applied;
  return (
    <Result
      status="success"
      title="导入完成"
      subTitle={`新增 ${a.inserted} 户，更新 ${a.updated} 户，无变化 ${a.unchanged} 户${a.skipped > 0 ? `，跳过 ${a.skipped} 户（有错误，未导入）` : ''}。`}
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
