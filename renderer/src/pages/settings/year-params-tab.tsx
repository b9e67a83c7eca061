import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Col, Form, InputNumber, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import type { YearParams } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSignedIn } from '../../app/session';

type Path = (string | number)[];

const YEARS = Array.from({ length: new Date().getFullYear() + 1 - 2014 + 1 }, (_, i) => 2014 + i).reverse();
const UNIT_OPTIONS = [
  { value: 'calendarDays', label: '自然日' },
  { value: 'workingDays', label: '工作日' },
];
const AGE_SPANS: { key: keyof YearParams['ages']; label: string }[] = [
  { key: 'compulsoryEducation', label: '义务教育年龄' },
  { key: 'studentStatusRequired', label: '须填在校生状况的年龄' },
  { key: 'working', label: '劳动年龄' },
  { key: 'labourFieldRequired', label: '须填劳动技能的年龄' },
];

const Pending = () => (
  <Tag color="gold" style={{ marginInlineStart: 6 }}>
    待确认
  </Tag>
);

/**
 * 年度参数: the figures of one year that the rules, the exit checks and the printed documents use
 * (贫困线, 退出标准, 低保标准 …). Values the sources do not confirm ([U]) are marked 待确认;
 * an administrator confirms or corrects them by saving.
 */
export function YearParamsTab() {
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const isAdmin = user.role === 'admin';
  const [year, setYear] = useState(Math.min(new Date().getFullYear(), 2020));
  const [view, setView] = useState<{ params: YearParams; stored: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<YearParams>();

  const load = useCallback(async () => {
    setError(null);
    setView(null);
    try {
      const v = await call('reference.yearParams', { year });
      setView(v);
      form.setFieldsValue(v.params);
    } catch (err) {
      setError(errorText(err));
    }
  }, [year, form]);

  useEffect(() => {
    void load();
  }, [load]);

  const unconfirmed = new Set(view?.params.unconfirmed ?? []);
  /** A value or a group listed as unconfirmed; a group's values are marked once, at its heading. */
  const pending = (path: Path) => unconfirmed.has(path.map(String).join('.'));
  const label = (text: string, path: Path) => (
    <span>
      {text}
      {pending(path) && <Pending />}
    </span>
  );
  const money = (name: Path, text: string, suffix = '元') => (
    <Form.Item name={name} label={label(text, name)}>
      <InputNumber<number> min={0} max={1_000_000} style={{ width: '100%' }} suffix={suffix} disabled={!isAdmin} placeholder="未设定" />
    </Form.Item>
  );
  const int = (name: Path, text: string, min: number, max: number, suffix?: string) => (
    <Form.Item name={name} label={label(text, name)} rules={[{ required: true, message: '请填写' }]}>
      <InputNumber<number> min={min} max={max} precision={0} style={{ width: '100%' }} suffix={suffix} disabled={!isAdmin} />
    </Form.Item>
  );
  const heading = (text: string, path?: Path) => (
    <Typography.Title level={5} style={{ fontSize: 14, margin: '8px 0 10px', paddingLeft: 8, borderLeft: '3px solid #1f4e8c' }}>
      {text}
      {path && pending(path) && <Pending />}
    </Typography.Title>
  );

  async function save(): Promise<void> {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    // The whole store, not just the inputs: the 低保 class labels are carried along unedited.
    const values = form.getFieldsValue(true) as YearParams;
    setSaving(true);
    try {
      const { year: _y, unconfirmed: _u, ...params } = { ...view!.params, ...values };
      const v = await call('reference.saveYearParams', { year, params });
      setView(v);
      form.setFieldsValue(v.params);
      void message.success(`已保存 ${year} 年度参数`);
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div style={{ maxWidth: 980 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
        <span>年度</span>
        <Select<number> aria-label="年度" style={{ width: 110 }} value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: `${y} 年` }))} />
        {view && (view.stored ? <Tag color="blue">本单位已保存</Tag> : <Tag>内置默认值</Tag>)}
        {view && unconfirmed.size > 0 && <Typography.Text type="secondary">标「待确认」的数值未经文件核实，请按本省当年文件核对后保存。</Typography.Text>}
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!isAdmin && <Alert type="info" showIcon title="只有管理员可以修改年度参数。" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" disabled={!view || !isAdmin} requiredMark={false}>
        {heading('收入标准（元/人/年）')}
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            {money(['povertyLineNbs'], '国家扶贫标准')}
          </Col>
          <Col xs={24} sm={8}>
            {money(['exitIncomeTarget'], '退出收入标准')}
          </Col>
          <Col xs={24} sm={8}>
            {money(['monitoringLine'], '防返贫监测线')}
          </Col>
        </Row>
        {heading('农村低保分类标准（元/人/年）', ['dibaoClasses'])}
        <Row gutter={16}>
          {[0, 1, 2, 3].map((i) => (
            <Col xs={12} sm={6} key={i}>
              {money(['dibaoClasses', i, 'annualAmount'], view?.params.dibaoClasses[i]?.label ?? `${i + 1}类`)}
            </Col>
          ))}
        </Row>
        {heading('扶贫小额信贷', ['smallLoan'])}
        <Row gutter={16}>
          <Col xs={12} sm={8}>
            {int(['smallLoan', 'maxAmountYuan'], '最高额度', 0, 1_000_000, '元')}
          </Col>
          <Col xs={12} sm={8}>
            {int(['smallLoan', 'maxTermYears'], '最长期限', 1, 30, '年')}
          </Col>
          <Col xs={12} sm={4}>
            {int(['smallLoan', 'minAge'], '借款人最低年龄', 16, 100, '岁')}
          </Col>
          <Col xs={12} sm={4}>
            {int(['smallLoan', 'maxAge'], '最高年龄', 16, 100, '岁')}
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name={['smallLoan', 'benchmarkRate1yPercent']} label={label('一年期基准利率', ['smallLoan', 'benchmarkRate1yPercent'])}>
              <InputNumber<number> min={0} max={20} step={0.01} style={{ width: '100%' }} suffix="%" placeholder="未设定" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name={['smallLoan', 'benchmarkRate3yPercent']} label={label('三年期基准利率', ['smallLoan', 'benchmarkRate3yPercent'])}>
              <InputNumber<number> min={0} max={20} step={0.01} style={{ width: '100%' }} suffix="%" placeholder="未设定" />
            </Form.Item>
          </Col>
        </Row>
        {heading('公示期', ['publicNotice'])}
        <Row gutter={16}>
          {(['identification', 'exit'] as const).map((k) => (
            <Col xs={24} sm={12} key={k}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name={['publicNotice', k, 'days']} label={label(k === 'identification' ? '识别公示期' : '退出公示期', ['publicNotice', k])} style={{ flex: 1 }} rules={[{ required: true, message: '请填写' }]}>
                  <InputNumber<number> min={1} max={60} precision={0} style={{ width: '100%' }} suffix="天" />
                </Form.Item>
                <Form.Item name={['publicNotice', k, 'unit']} label=" " style={{ width: 110 }}>
                  <Select aria-label="计日方式" options={UNIT_OPTIONS} />
                </Form.Item>
              </Space.Compact>
            </Col>
          ))}
        </Row>
        {heading('收入年度起始日', ['incomeYearStart'])}
        <Row gutter={16}>
          <Col xs={8} sm={4}>
            {int(['incomeYearStart', 'month'], '月', 1, 12)}
          </Col>
          <Col xs={8} sm={4}>
            {int(['incomeYearStart', 'day'], '日', 1, 31)}
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name={['incomeYearStart', 'inPreviousYear']} label="从上一年开始计" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
        {heading('年龄段（周岁，含两端）', ['ages'])}
        <Row gutter={16}>
          {AGE_SPANS.map((s) => (
            <Col xs={24} sm={12} key={s.key}>
              <Form.Item label={label(s.label, ['ages', s.key])} style={{ marginBottom: 0 }}>
                <Space.Compact>
                  <Form.Item name={['ages', s.key, 'from']} rules={[{ required: true, message: '请填写' }]}>
                    <InputNumber<number> aria-label={`${s.label}起`} min={0} max={120} precision={0} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={['ages', s.key, 'to']} rules={[{ required: true, message: '请填写' }]}>
                    <InputNumber<number> aria-label={`${s.label}止`} min={0} max={120} precision={0} style={{ width: 90 }} prefix="至" />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
          ))}
        </Row>
        {heading('数据质量阈值', ['quality'])}
        <Row gutter={16}>
          <Col xs={12} sm={8}>
            {int(['quality', 'maxFarmlandPerPersonMu'], '人均耕地上限', 0, 10_000, '亩')}
          </Col>
          <Col xs={12} sm={8}>
            {int(['quality', 'maxForestPerPersonMu'], '人均林地上限', 0, 10_000, '亩')}
          </Col>
          <Col xs={12} sm={8}>
            {int(['quality', 'maxDistanceToRoadKm'], '距主干路上限', 0, 1000, '公里')}
          </Col>
          <Col xs={12} sm={8}>
            {int(['quality', 'maxPerCapitaNetIncome'], '人均纯收入上限', 0, 10_000_000, '元')}
          </Col>
          <Col xs={12} sm={8}>
            {int(['quality', 'phoneLength'], '电话号码位数', 5, 20, '位')}
          </Col>
        </Row>
        {heading('易地扶贫搬迁', ['relocation'])}
        <Row gutter={16}>
          <Col xs={12} sm={8}>
            {int(['relocation', 'maxHousingAreaPerPersonM2'], '人均住房面积上限', 0, 1000, '㎡')}
          </Col>
          <Col xs={12} sm={8}>
            {int(['relocation', 'maxSelfFundingPerPerson'], '人均自筹上限', 0, 1_000_000, '元')}
          </Col>
          <Col xs={12} sm={8}>
            {int(['relocation', 'maxSelfFundingPerHousehold'], '户均自筹上限', 0, 1_000_000, '元')}
          </Col>
        </Row>
      </Form>
      {isAdmin && (
        <Space>
          <Button type="primary" loading={saving} disabled={!view} onClick={() => void save()}>
            保存 {year} 年度参数
          </Button>
          <Button disabled={!view} onClick={() => view && form.setFieldsValue(view.params)}>
            撤销修改
          </Button>
        </Space>
      )}
    </div>
  );
}
