import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Row, Segmented, Space, Statistic, Table, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { CoverageGapKind, CoverageGapView, CoverageReport } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSignedIn } from '../../app/session';
import { ScopePicker } from '../quality/scope-picker';

const KINDS: { kind: CoverageGapKind; label: string }[] = [
  { kind: 'villageWithoutTeam', label: '贫困村无工作队' },
  { kind: 'householdWithoutCadre', label: '贫困户无帮扶责任人' },
  { kind: 'cadreIsPoorPerson', label: '帮扶责任人是贫困人口' },
  { kind: 'cadreOverQuota', label: '超过帮扶户数分工' },
  { kind: 'teamWithoutLeader', label: '工作队无队长' },
  { kind: 'memberDaysShort', label: '驻村天数不足' },
];

/** Where a gap is fixed: the household's 帮扶 tab, the teams or the cadres. */
function fixLink(g: CoverageGapView) {
  if (g.kind === 'householdWithoutCadre' && g.householdId) return <Link to={`/registry/household/${g.householdId}?tab=assistance`}>去结对</Link>;
  if (g.kind === 'cadreIsPoorPerson' && g.householdId) return <Link to={`/registry/household/${g.householdId}`}>查看该户</Link>;
  if (g.kind === 'villageWithoutTeam' || g.kind === 'teamWithoutLeader' || g.kind === 'memberDaysShort') return <Link to="/assistance/teams">驻村工作队</Link>;
  return <Link to="/assistance/cadres">帮扶责任人</Link>;
}

/** 两个全覆盖: every poor village a team, every poor household a cadre, no cadre a poor person. */
export function CoverageTab() {
  const { user } = useSignedIn();
  const root = { code: user.scopeCode, name: user.scopeName };
  const [scope, setScope] = useState(root.code);
  const [report, setReport] = useState<CoverageReport | null>(null);
  const [kind, setKind] = useState<CoverageGapKind | 'all'>('all');
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (code: string) => {
    setError(null);
    setLoading(true);
    try {
      setReport(await call('assistance.coverage', { regionCode: code }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(scope), [load, scope]);

  const gaps = report?.gaps.filter((g) => kind === 'all' || g.kind === kind) ?? [];
  const t = report?.totals;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <ScopePicker scope={root} value={scope} onChange={(code) => setScope(code)} />
        <Button icon={<ReloadOutlined />} onClick={() => void load(scope)} loading={loading}>
          重新检查
        </Button>
        {report && <span style={{ color: 'rgba(0,0,0,0.55)' }}>检查日期 {report.asOf}，驻村天数按 {report.daysYear} 年</span>}
      </Space>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      {t && (
        <Row gutter={12} style={{ marginBottom: 12 }}>
          <Col span={6}>
            <Card size="small">
              <Statistic title="贫困村有驻村工作队" value={t.poorVillagesWithTeam} suffix={`/ ${t.poorVillages} 个`} />
            </Card>
          </Col>
          <Col span={6}>
            <Card size="small">
              <Statistic title="贫困户有帮扶责任人" value={t.householdsWithCadre} suffix={`/ ${t.households} 户`} />
            </Card>
          </Col>
          <Col span={6}>
            <Card size="small">
              <Statistic title="帮扶责任人" value={t.cadres} suffix="人" />
            </Card>
          </Col>
          <Col span={6}>
            <Card size="small">
              <Statistic title="发现问题" value={Object.values(report!.counts).reduce((s, n) => s + n, 0)} suffix="条" styles={{ content: { color: report!.gaps.length ? '#cf1322' : '#389e0d' } }} />
            </Card>
          </Col>
        </Row>
      )}
      {report && (
        <Segmented<CoverageGapKind | 'all'>
          style={{ marginBottom: 12 }}
          value={kind}
          onChange={setKind}
          options={[{ value: 'all', label: `全部（${report.gaps.length}）` }, ...KINDS.map((k) => ({ value: k.kind, label: `${k.label}（${report.counts[k.kind]}）` }))]}
        />
      )}
      <Table<CoverageGapView>
        rowKey={(g, i) => `${g.kind}-${g.householdId ?? g.cadreId ?? g.teamId ?? g.villageCode}-${i}`}
        size="middle"
        loading={loading}
        dataSource={gaps}
        locale={{ emptyText: report ? '没有发现问题：两个全覆盖' : '正在检查……' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '问题', dataIndex: 'title', width: 200, render: (title: string) => <Tag color="red">{title}</Tag> },
          { title: '村', dataIndex: 'villageName', width: 120, render: (v: string | null) => v ?? '—' },
          { title: '说明', dataIndex: 'message' },
          { title: '', key: 'fix', width: 110, render: (_, g) => fixLink(g) },
        ]}
      />
    </>
  );
}
