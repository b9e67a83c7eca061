import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { WorkflowYearParams } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useSignedIn } from '../../app/session';
import { SaveError, useSave } from '../assistance/save-error';
import { HOUSEHOLD_TESTS, pairOptions, SIGNOFF_LEVELS, VILLAGE_TESTS } from './labels';

type Editable = Omit<WorkflowYearParams, 'year' | 'unconfirmed'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A list of indicators: which test each runs, and the wording printed for it. */
function IndicatorList({ name, tests, disabled }: { name: 'householdIndicators' | 'villageIndicators'; tests: readonly (readonly [string, string])[]; disabled: boolean }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '请选择' }]}>
                <Select aria-label="核查项" style={{ width: 150 }} options={pairOptions(tests)} disabled={disabled} />
              </Form.Item>
              <Form.Item name={[f.name, 'label']} rules={[{ required: true, whitespace: true, message: '请填写指标名称' }]}>
                <Input aria-label="指标名称" style={{ width: 320 }} maxLength={60} disabled={disabled} />
              </Form.Item>
              {!disabled && <Button type="text" aria-label="删除指标" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />}
            </Space>
          ))}
          {!disabled && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ code: tests[0]![0], label: '' })}>
              添加指标
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

/** The 3342 matrix: each level with who records it and the roles that sign. */
function SignoffMatrix({ disabled }: { disabled: boolean }) {
  return (
    <Form.List name={['signoffMatrix', 'levels']}>
      {(levels, { add, remove }) => (
        <>
          {levels.map((l) => (
            <Card key={l.key} size="small" style={{ marginBottom: 8 }}>
              <Space align="baseline" wrap>
                <Form.Item name={[l.name, 'level']} label="级别">
                  <Select aria-label="签字级别" style={{ width: 110 }} options={pairOptions(SIGNOFF_LEVELS)} disabled={disabled} />
                </Form.Item>
                <Form.Item name={[l.name, 'label']} label="名称" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
                  <Input aria-label="级别名称" style={{ width: 100 }} maxLength={20} disabled={disabled} />
                </Form.Item>
                <Form.Item name={[l.name, 'recordedBy']} label="登记">
                  <Select aria-label="登记方" style={{ width: 130 }} disabled={disabled} options={[{ value: 'station', label: '本站登记' }, { value: 'county', label: '县级管理员' }]} />
                </Form.Item>
                {!disabled && <Button type="text" aria-label="删除级别" icon={<DeleteOutlined />} onClick={() => remove(l.name)} />}
              </Space>
              <Form.List name={[l.name, 'roles']}>
                {(roles, r) => (
                  <Space wrap>
                    {roles.map((role) => (
                      <Space.Compact key={role.key}>
                        <Form.Item noStyle name={[role.name, 'code']} rules={[{ required: true, pattern: /^[A-Za-z0-9]{1,24}$/, message: '代码为字母或数字' }]}>
                          <Input aria-label="角色代码" style={{ width: 116 }} disabled={disabled} />
                        </Form.Item>
                        <Form.Item noStyle name={[role.name, 'label']} rules={[{ required: true, whitespace: true, message: '请填写' }]}>
                          <Input aria-label="签字人角色" style={{ width: 140 }} disabled={disabled} />
                        </Form.Item>
                        {!disabled && <Button aria-label="删除角色" icon={<DeleteOutlined />} onClick={() => r.remove(role.name)} />}
                      </Space.Compact>
                    ))}
                    {!disabled && roles.length < 10 && (
                      <Button size="small" icon={<PlusOutlined />} onClick={() => r.add({ code: '', label: '' })}>
                        角色
                      </Button>
                    )}
                  </Space>
                )}
              </Form.List>
            </Card>
          ))}
          {!disabled && levels.length < 4 && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ level: 'city', label: '', recordedBy: 'county', roles: [] })}>
              添加级别
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

/**
 * 年度参数（识别退出）: the exit indicators and thresholds, the sign-off matrix, the 公示 calendar
 * and the monitoring limits of one year. Values the sources do not confirm are marked 待确认
 * until an administrator saves the year.
 */
export function ParamsTab() {
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const isAdmin = user.role === 'admin';
  const [year, setYear] = useState(Math.min(dayjs().year(), 2020));
  const view = useLoad(() => call('workflow.params', { year }), [year]);
  const [form] = Form.useForm<Editable>();
  const { saving, error, setError, run } = useSave();

  useEffect(() => {
    setError(null);
    if (view.data) form.setFieldsValue(view.data.params);
  }, [view.data, form, setError]);

  async function save(): Promise<void> {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const params = form.getFieldsValue(true) as WorkflowYearParams;
    const { year: _y, unconfirmed: _u, ...editable } = params;
    await run(async () => {
      // The calendar's lists are readonly in the domain type, plain arrays on the wire.
      const calendar = { holidays: [...editable.calendar.holidays], extraWorkdays: [...editable.calendar.extraWorkdays] };
      await call('workflow.saveParams', { year, params: { ...editable, calendar } });
      void message.success(`${year} 年度识别退出参数已保存`);
      await view.reload();
    });
  }

  const unconfirmed = view.data?.params.unconfirmed ?? [];
  const pending = (path: string) => (unconfirmed.includes(path) ? <Tag color="gold" style={{ marginInlineStart: 6 }}>待确认</Tag> : null);
  const pct = (name: (string | number)[], label: string, path: string, nullable = false) => (
    <Form.Item name={name} label={<span>{label}{pending(path)}</span>} rules={nullable ? [] : [{ required: true, message: '请填写' }]}>
      <InputNumber<number> aria-label={label} min={0} max={100} suffix="%" style={{ width: '100%' }} disabled={!isAdmin} placeholder={nullable ? '不设定' : undefined} />
    </Form.Item>
  );
  const heading = (text: string, path?: string) => (
    <Typography.Title level={5} style={{ fontSize: 14, margin: '12px 0 10px', paddingLeft: 8, borderLeft: '3px solid #1f4e8c' }}>
      {text}
      {path && pending(path)}
    </Typography.Title>
  );
  const dates = (name: string[], label: string) => (
    <Form.Item
      name={name}
      label={label}
      rules={[{ validator: (_, v: string[] | undefined) => ((v ?? []).every((d) => DATE.test(d) && dayjs(d).isValid()) ? Promise.resolve() : Promise.reject(new Error('日期格式应为 2020-10-01'))) }]}
    >
      <Select aria-label={label} mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="输入日期，如 2020-10-01，回车" disabled={!isAdmin} open={false} />
    </Form.Item>
  );

  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <span>年度</span>
        <InputNumber aria-label="参数年度" min={2014} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} style={{ width: 100 }} />
        {view.data && (view.data.stored ? <Tag color="blue">已保存的本年度参数</Tag> : <Tag>系统默认值</Tag>)}
        {isAdmin ? (
          <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!view.data} onClick={() => void save()} style={{ marginLeft: 'auto' }}>
            保存
          </Button>
        ) : (
          <Typography.Text type="secondary">只有管理员可以修改。</Typography.Text>
        )}
      </div>
      {view.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={view.error} />}
      <SaveError lines={error} />
      <Form form={form} layout="vertical" disabled={!view.data}>
        <Row gutter={24}>
          <Col xs={24} xl={12}>
            {heading('户退出指标（逐项否决）', 'householdIndicators')}
            <Form.Item name="incomeThreshold" label={<span>退出收入标准（元/人/年）{pending('incomeThreshold')}</span>} extra="不填则使用「系统设置 › 年度参数」中的退出收入标准。">
              <InputNumber<number> aria-label="退出收入标准" min={0} max={1_000_000} suffix="元" style={{ width: 220 }} disabled={!isAdmin} placeholder="按年度参数" />
            </Form.Item>
            <IndicatorList name="householdIndicators" tests={HOUSEHOLD_TESTS} disabled={!isAdmin} />
            {heading('村退出指标（逐项否决）', 'villageIndicators')}
            <IndicatorList name="villageIndicators" tests={VILLAGE_TESTS} disabled={!isAdmin} />
            {heading('贫困发生率与县退出')}
            <Row gutter={12}>
              <Col span={8}>{pct(['incidenceThresholdPercent'], '贫困发生率低于', 'incidenceThresholdPercent')}</Col>
              <Col span={8}>{pct(['county', 'minExitedVillageSharePercent'], '已退出贫困村比例不低于', 'county.minExitedVillageSharePercent', true)}</Col>
              <Col span={8}>{pct(['county', 'maxWrongExitPercent'], '错退率低于', 'county.maxWrongExitPercent')}</Col>
              <Col span={8}>{pct(['county', 'maxMissedPercent'], '漏评率低于', 'county.maxMissedPercent')}</Col>
              <Col span={8}>{pct(['county', 'minSatisfactionPercent'], '群众认可度不低于', 'county.minSatisfactionPercent')}</Col>
            </Row>
          </Col>
          <Col xs={24} xl={12}>
            {heading('退出签字矩阵', 'signoffMatrix')}
            <SignoffMatrix disabled={!isAdmin} />
            {heading('公示工作日历', 'calendar')}
            {dates(['calendar', 'holidays'], '法定节假日（不计工作日）')}
            {dates(['calendar', 'extraWorkdays'], '调休上班日（计为工作日）')}
            {heading('防返贫监测', 'monitoring')}
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name={['monitoring', 'maxRisks']} label="风险类型最多" rules={[{ required: true, message: '请填写' }]}>
                  <InputNumber<number> aria-label="风险类型最多" min={1} max={10} precision={0} suffix="项" style={{ width: '100%' }} disabled={!isAdmin} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['monitoring', 'minStableIncomeMonths']} label="风险消除：收入稳定至少" rules={[{ required: true, message: '请填写' }]}>
                  <InputNumber<number> aria-label="收入稳定月数" min={0} max={36} precision={0} suffix="个月" style={{ width: '100%' }} disabled={!isAdmin} />
                </Form.Item>
              </Col>
            </Row>
          </Col>
        </Row>
      </Form>
    </>
  );
}
