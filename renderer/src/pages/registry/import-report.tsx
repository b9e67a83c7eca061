import { useState } from 'react';
import { Alert, Descriptions, Radio, Table, Typography } from 'antd';
import type { ImportProblemView, ImportReportView, ImportSummaryView, VillageImportReportView, VillageImportSummaryView } from '../../../../electron/core/api/contract';
import { SeverityTag } from './field-input';

const n = (x: number) => x.toLocaleString('zh-CN');

/** 第 3、5、8 行 (the first few, then a count): rows named in one sentence. */
export function rowList(rows: readonly number[], shown = 12): string {
  const head = rows.slice(0, shown).join('、');
  return rows.length > shown ? `${head} 等 ${n(rows.length)} 行` : head;
}

interface Counts {
  /** 文件内容: rows and what they hold */
  content: string;
  valid: number;
  added: number;
  changed: number;
  unchanged: number;
  invalid: number;
  errors: number;
  warnings: number;
  /** 户 or 个村 */
  unit: string;
}

function CountsSummary({ c }: { c: Counts }) {
  return (
    <Descriptions size="small" column={3} bordered data-testid="import-summary" styles={{ label: { width: 84, whiteSpace: 'nowrap' } }}>
      <Descriptions.Item label="文件内容">
        <span style={{ whiteSpace: 'nowrap' }}>{c.content}</span>
      </Descriptions.Item>
      <Descriptions.Item label="可导入">
        <Typography.Text type="success" strong>
          {n(c.valid)} {c.unit}
        </Typography.Text>
        （新增 {n(c.added)}，更新 {n(c.changed)}，无变化 {n(c.unchanged)}）
      </Descriptions.Item>
      <Descriptions.Item label="有错误">
        <Typography.Text type={c.invalid > 0 ? 'danger' : undefined} strong>
          {n(c.invalid)} {c.unit}
        </Typography.Text>
        （错误 {n(c.errors)} 处，提醒 {n(c.warnings)} 处）
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The counts of a dry run, as the clerk reads them before choosing how to import. */
export function ImportSummary({ summary: s }: { summary: ImportSummaryView }) {
  const content = `${n(s.rows)} 行 · ${n(s.households)} 户 · ${n(s.persons)} 人`;
  return (
    <CountsSummary
      c={{ content, valid: s.validHouseholds, added: s.newHouseholds, changed: s.changedHouseholds, unchanged: s.unchangedHouseholds, invalid: s.invalidHouseholds, errors: s.errors, warnings: s.warnings, unit: '户' }}
    />
  );
}

/** The same for a village-form file (one row per village). */
export function VillageImportSummary({ summary: s }: { summary: VillageImportSummaryView }) {
  const content = `${n(s.rows)} 行 · 每个村一行`;
  return (
    <CountsSummary
      c={{ content, valid: s.validVillages, added: s.newVillages, changed: s.changedVillages, unchanged: s.unchangedVillages, invalid: s.invalidVillages, errors: s.errors, warnings: s.warnings, unit: '个村' }}
    />
  );
}

type Show = 'all' | 'error' | 'warning';

/** The problems row by row: 行, 字段, 规则, 说明 — what to fix and where in the file. */
export function ProblemTable({ problems, total }: { problems: readonly ImportProblemView[]; total: number }) {
  const [show, setShow] = useState<Show>(problems.some((p) => p.severity === 'error') ? 'error' : 'all');
  const rows = show === 'all' ? problems : problems.filter((p) => p.severity === show);
  if (problems.length === 0) return <Alert type="success" showIcon message="没有发现问题：每一行都通过了检查" />;
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
        <Typography.Text strong>问题清单</Typography.Text>
        <Radio.Group size="small" value={show} onChange={(e) => setShow(e.target.value as Show)} optionType="button">
          <Radio.Button value="error">只看错误</Radio.Button>
          <Radio.Button value="warning">只看提醒</Radio.Button>
          <Radio.Button value="all">全部</Radio.Button>
        </Radio.Group>
        {total > problems.length && (
          <Typography.Text type="secondary">
            共 {n(total)} 条，只列出前 {n(problems.length)} 条
          </Typography.Text>
        )}
      </div>
      <Table<ImportProblemView>
        aria-label="导入问题"
        size="small"
        rowKey={(p) => `${p.row}|${p.field}|${p.rule}|${p.message}`}
        dataSource={rows as ImportProblemView[]}
        pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true, size: 'small' }}
        columns={[
          { title: '行', dataIndex: 'row', width: 64 },
          { title: '字段', dataIndex: 'field', width: 120, render: (f: string) => f || '整行' },
          { title: '规则', dataIndex: 'rule', width: 140 },
          {
            title: '说明',
            dataIndex: 'message',
            render: (m: string, p) => (
              <>
                <SeverityTag severity={p.severity} />
                {m}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}

/** File, sheet and header row, the refused rows outside the caller's region, ignored columns. */
export function ImportFileNotes({ report, unit = '户' }: { report: ImportReportView | VillageImportReportView; unit?: '户' | '村' }) {
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        文件「{report.file.name}」，工作表「{report.file.sheetName}」，表头在第 {report.file.headerRow} 行。
      </Typography.Paragraph>
      {report.outOfScopeRows.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message={`第 ${rowList(report.outOfScopeRows)} 的${unit}不在您的管辖范围（${report.scope.name}）内，不能导入`}
          description={`这些${unit}属于其他乡镇，请交由所在乡镇或县扶贫办导入。`}
        />
      )}
      {report.ignoredColumns.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} message={`未识别的列（已忽略）：${report.ignoredColumns.join('、')}`} />
      )}
    </>
  );
}
