import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import type { QualityRunResult, RuleCount } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSignedIn } from '../../app/session';
import { ScopePicker } from './scope-picker';
import { SeverityTag } from '../registry/field-input';
import { RuleFindingsDrawer } from './rule-findings-drawer';
import { DuplicatesTab } from './duplicates-tab';

/** Errors first, then the rules with most findings. */
function byImportance(a: RuleCount, b: RuleCount): number {
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return b.findings - a.findings || a.ruleCode.localeCompare(b.ruleCode);
}

/**
 * 数据质量（回头看）: run the national check catalogue over a village, a township or the whole
 * scope, read the counts per rule, and click through to each household and field.
 */
export function QualityPage() {
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const latestParams = useRef(params);
  latestParams.current = params;
  const regionCode = params.get('region') ?? user.scopeCode;
  const rule = params.get('rule');
  const tab = params.get('tab') === 'duplicates' ? 'duplicates' : 'rules';
  const [regionName, setRegionName] = useState<string>(user.scopeName);
  const [summary, setSummary] = useState<QualityRunResult | null>(null);
  const [lastRun, setLastRun] = useState<{ durationMs: number; at: Date } | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [onlyWithFindings, setOnlyWithFindings] = useState(true);

  // From the latest address, not this render's: the debounced search may land after a click,
  // and react-router's functional setter would hand it the address of the render it came from.
  function update(next: Record<string, string | null>): void {
    const out = new URLSearchParams(latestParams.current);
    for (const [k, v] of Object.entries(next)) {
      if (v === null) out.delete(k);
      else out.set(k, v);
    }
    latestParams.current = out;
    setParams(out, { replace: true });
  }

  const loadSummary = useCallback(async () => {
    setError(null);
    try {
      setSummary(await call('quality.summary', { regionCode }));
    } catch (err) {
      setError(errorText(err));
    }
  }, [regionCode]);

  useEffect(() => {
    setSummary(null);
    setLastRun(null);
    void loadSummary();
  }, [loadSummary]);

  async function run(): Promise<void> {
    setRunning(true);
    setError(null);
    try {
      const result = await call('quality.run', { regionCode });
      setSummary(result);
      setLastRun({ durationMs: result.durationMs, at: new Date() });
      void message.success(`检查完成：${result.households.toLocaleString('zh-CN')} 户，用时 ${(result.durationMs / 1000).toFixed(1)} 秒`);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setRunning(false);
    }
  }

  const rules = (summary?.rules ?? []).filter((r) => !onlyWithFindings || r.findings > 0).sort(byImportance);
  const here = `${location.pathname}${location.search}`;

  return (
    <div style={{ maxWidth: 1200 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        数据质量（回头看）
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
          <span>检查范围：</span>
          <ScopePicker
            scope={{ code: user.scopeCode, name: user.scopeName }}
            value={regionCode}
            onChange={(code, name) => {
              setRegionName(name);
              update({ region: code === user.scopeCode ? null : code, rule: null });
            }}
          />
          {user.role !== 'viewer' && (
            <Button type="primary" icon={<PlayCircleOutlined />} loading={running} onClick={() => void run()}>
              {running ? '正在检查…' : '运行检查'}
            </Button>
          )}
          {running && summary && (
            <Typography.Text type="secondary">
              正在逐户检查 {summary.households.toLocaleString('zh-CN')} 户{summary.households > 5000 ? '，全县范围约需一分钟，请稍候' : '，请稍候'}
            </Typography.Text>
          )}
        </div>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          按国家数据质量核查目录的全部规则逐户检查{regionName}的建档立卡数据。检查结果保存后，户列表的「数据质量问题」筛选和各户的问题标记即为本次结果。
        </Typography.Paragraph>
      </Card>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      {summary && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Space size={40} wrap>
            <Statistic title="检查户数" value={summary.households} />
            <Statistic title="有错误的户" value={summary.withErrors} styles={{ content: { color: summary.withErrors ? '#cf1322' : undefined } }} />
            <Statistic title="有提醒的户" value={summary.withWarnings} styles={{ content: { color: summary.withWarnings ? '#d48806' : undefined } }} />
            <Statistic title="本次用时" value={lastRun ? `${(lastRun.durationMs / 1000).toFixed(1)} 秒` : '—'} />
          </Space>
          {!lastRun && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              下表是上次检查及之后逐户保存时的结果；点「运行检查」重新检查整个范围。
            </Typography.Paragraph>
          )}
        </Card>
      )}
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'rules' ? null : key })}
          items={[
            {
              key: 'rules',
              label: '按规则',
              children: (
                <>
                  <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
                    <Typography.Text type="secondary">点一条规则，查看有问题的户和字段。</Typography.Text>
                    <Checkbox checked={onlyWithFindings} onChange={(e) => setOnlyWithFindings(e.target.checked)}>
                      只看有问题的规则
                    </Checkbox>
                  </div>
                  <Table<RuleCount>
                    aria-label="规则"
                    rowKey="ruleCode"
                    size="small"
                    loading={!summary && !error}
                    dataSource={rules}
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    locale={{ emptyText: summary ? '没有发现问题' : ' ' }}
                    onRow={(r) => ({ onClick: () => update({ rule: r.ruleCode }), style: { cursor: 'pointer' } })}
                    columns={[
                      { title: '级别', key: 'sev', width: 72, render: (_, r) => <SeverityTag severity={r.severity} /> },
                      { title: '编号', dataIndex: 'ruleCode', width: 96 },
                      { title: '规则', dataIndex: 'title' },
                      { title: '目录项', dataIndex: 'catalogueItem', width: 72, align: 'right' },
                      { title: '户数', dataIndex: 'households', width: 80, align: 'right', render: (n: number) => n.toLocaleString('zh-CN') },
                      { title: '问题数', dataIndex: 'findings', width: 80, align: 'right', render: (n: number) => n.toLocaleString('zh-CN') },
                      {
                        title: '操作',
                        key: 'actions',
                        width: 190,
                        render: (_, r) => (
                          <Space size={0}>
                            <Button type="link" size="small" onClick={() => update({ rule: r.ruleCode })}>
                              查看问题
                            </Button>
                            <Button
                              type="link"
                              size="small"
                              onClick={(e) => {
                                e.stopPropagation();
                                const q = new URLSearchParams({ quality: `rule:${r.ruleCode}` });
                                if (regionCode !== user.scopeCode) {
                                  q.set('region', regionCode);
                                  q.set('path', regionName);
                                }
                                navigate(`/registry?${q.toString()}`);
                              }}
                            >
                              在户列表中看
                            </Button>
                          </Space>
                        ),
                      },
                    ]}
                  />
                </>
              ),
            },
            { key: 'duplicates', label: '重复人员', children: <DuplicatesTab regionCode={regionCode} from={here} /> },
          ]}
        />
      </Card>
      {rule && summary && (
        <RuleFindingsDrawer
          regionCode={regionCode}
          rule={summary.rules.find((r) => r.ruleCode === rule) ?? { ruleCode: rule, title: rule, severity: 'warning', catalogueItem: 0, households: 0, findings: 0 }}
          from={here}
          onClose={() => update({ rule: null })}
        />
      )}
    </div>
  );
}
