import { useEffect, useState } from 'react';
import dayjs from 'dayjs';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, List, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { CoverageReport, TeamView, VillageFormView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSignedIn } from '../../app/session';
import { useCodeTables, type CodeTables } from './use-code-tables';
import { ExitVerdict, ExitYearInput, useVillageExit, VillageExitResult } from '../workflow/area-exit-parts';
import { VillageStatusCard } from './village-status-card';

type Field = VillageFormView['sections'][number]['fields'][number];
type Values = Record<string, unknown>;

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

// Form.Item hands its child value and onChange: passed on to the input that edits the field.
interface InputProps {
  field: Field;
  tables: CodeTables | null;
  disabled: boolean;
  value?: unknown;
  onChange?: (v: unknown) => void;
}

function FieldInput({ field, tables, disabled, value, onChange }: InputProps) {
  // Each input's own value type; Form.Item keeps whatever the input gives back.
  const passed: Record<string, unknown> = { value, onChange };
  const common = { 'aria-label': field.label, disabled, style: { width: '100%' }, ...passed };
  switch (field.kind) {
    case 'text':
      return <Input {...common} maxLength={60} />;
    case 'bool':
      return <Select {...common} allowClear options={YES_NO} />;
    case 'code':
    case 'codes': {
      const options = (tables?.[field.table!] ?? []).map((o) => ({ value: o.code, label: o.label }));
      return <Select {...common} allowClear options={options} {...(field.kind === 'codes' ? { mode: 'multiple' as const } : {})} />;
    }
    default: {
      const whole = field.kind === 'count' || field.kind === 'year';
      return <InputNumber {...common} precision={whole ? 0 : field.kind === 'longitude' || field.kind === 'latitude' ? 4 : 2} />;
    }
  }
}

/** 村信息: the village form (贫困村信息采集表), the village's team and its coverage gaps. */
export function VillagePage() {
  const { code = '' } = useParams();
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const [view, setView] = useState<VillageFormView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { tables } = useCodeTables(view?.record.dataYear);
  const readOnly = user.role === 'viewer';

  useEffect(() => {
    setView(null);
    call('registry.village', { regionCode: code }).then(setView, (err: unknown) => setError(errorText(err)));
  }, [code]);

  async function save(values: Values): Promise<void> {
    setSaving(true);
    setSaveError(null);
    try {
      setView(await call('registry.saveVillage', { regionCode: code, fields: values }));
      void message.success('贫困村信息采集表已保存');
    } catch (err) {
      setSaveError(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  if (error) return <Alert type="error" showIcon message="未能打开村信息" description={error} />;
  if (!view) return <Spin />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {/* Keyed by the village: another village starts again from today. */}
      <VillageStatusCard key={code} code={code} />
      <Card
        title={`${view.regionName} · 贫困村信息采集表（${view.record.dataYear} 年度）`}
        extra={<Typography.Text type="secondary">{view.stored ? `最后保存 ${view.updatedAt?.slice(0, 10)}` : '尚未填报'}</Typography.Text>}
      >
        {view.groups.length > 0 && <Typography.Paragraph>村民小组：{view.groups.join('、')}</Typography.Paragraph>}
        {view.warnings.length > 0 && <Alert style={{ marginBottom: 16 }} type="warning" showIcon message="请核实" description={view.warnings.map((w) => w.message).join('；')} />}
        {/* Keyed by the save time: each stored version starts the form afresh from what core returned. */}
        <Form<Values> key={view.updatedAt ?? 'new'} layout="vertical" initialValues={view.record as unknown as Values} onFinish={(v) => void save(v)} disabled={readOnly}>
          {view.sections.map((s) => (
            <div key={s.title}>
              <Typography.Title level={5}>{s.title}</Typography.Title>
              <Row gutter={16}>
                {s.fields.map((f) => (
                  <Col key={f.key} xs={24} md={12} xl={6}>
                    <Form.Item name={f.key} label={f.label}>
                      <FieldInput field={f} tables={tables} disabled={readOnly} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </div>
          ))}
          {saveError && <Alert style={{ marginBottom: 16 }} type="error" showIcon message="未能保存" description={saveError} />}
          {!readOnly && (
            <Button type="primary" htmlType="submit" loading={saving}>
              保存采集表
            </Button>
          )}
        </Form>
      </Card>
      {/* Keyed by the village: a new village starts again from its own form's year. */}
      <ExitIndicators key={code} code={code} dataYear={view.record.dataYear} savedAt={view.updatedAt} />
      <TeamAndCoverage code={code} />
    </Space>
  );
}

/**
 * 退出指标 of this village (domain.md §5.1). The year starts at the form's data year — its population
 * is what the incidence divides by — but never after this year; a saved form reloads the indicators,
 * since they read the form.
 */
function ExitIndicators({ code, dataYear, savedAt }: { code: string; dataYear: number | null; savedAt: string | null }) {
  const [year, setYear] = useState(() => Math.min(dataYear ?? dayjs().year(), dayjs().year()));
  const { view, standard } = useVillageExit(code, year, savedAt);
  return (
    <Card
      title="退出指标"
      data-testid="village-exit"
      extra={
        <Space>
          <span>年度</span>
          <ExitYearInput value={year} onChange={setYear} />
          <ExitVerdict view={view.data} />
        </Space>
      }
    >
      {view.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="未能计算退出指标" description={view.error} />}
      {view.data ? <VillageExitResult view={view.data} standard={standard} /> : !view.error && <Spin />}
    </Card>
  );
}

function TeamAndCoverage({ code }: { code: string }) {
  const [teams, setTeams] = useState<TeamView[] | null>(null);
  const [coverage, setCoverage] = useState<CoverageReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([call('assistance.listTeams', { regionCode: code }), call('assistance.coverage', { regionCode: code })]).then(
      ([t, c]) => {
        setTeams(t);
        setCoverage(c);
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, [code]);
  if (error) return <Alert type="error" showIcon message="未能读取工作队和覆盖情况" description={error} />;
  if (!teams || !coverage) return <Spin />;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card title="驻村工作队" extra={<Link to="/assistance/teams">到「帮扶」管理</Link>}>
          {teams.length === 0 ? (
            <Typography.Text type="secondary">本村没有派驻工作队。</Typography.Text>
          ) : (
            teams.map((t) => (
              <Descriptions key={t.id} size="small" column={1} title={<Space>{t.name}{t.active ? <Tag color="green">在驻</Tag> : <Tag>已撤离</Tag>}</Space>}>
                <Descriptions.Item label="派出单位">{t.unitName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="驻村时间">{`${t.fromDate} 至 ${t.toDate ?? '今'}`}</Descriptions.Item>
                <Descriptions.Item label="队员">{t.members.map((m) => `${m.cadreName}（${m.roleLabel}）`).join('、') || '—'}</Descriptions.Item>
              </Descriptions>
            ))
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={`两个全覆盖（截至 ${coverage.asOf}）`} extra={<Link to="/assistance/coverage">到「覆盖检查」</Link>}>
          <Typography.Paragraph>
            建档立卡户 {coverage.totals.households} 户，有帮扶责任人 {coverage.totals.householdsWithCadre} 户。
          </Typography.Paragraph>
          {coverage.gaps.length === 0 ? (
            <Alert type="success" showIcon message="本村没有覆盖缺口" />
          ) : (
            <List size="small" dataSource={coverage.gaps} renderItem={(g) => <List.Item>{g.message}</List.Item>} data-testid="village-gaps" />
          )}
        </Card>
      </Col>
    </Row>
  );
}
