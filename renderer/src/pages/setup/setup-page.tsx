import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Radio, Result, Spin, Steps, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { NodeLevel, NodeView, RegionOption } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSession } from '../../app/session';
import { CenteredPage } from '../../components/centered-page';
import { Fingerprint } from '../../components/fingerprint';
import { confirmPasswordRules, newPasswordRules } from '../../components/password-rules';
import { RegionCascade } from '../../components/region-cascade';
import { NODE_LEVEL_LABELS, NODE_LEVEL_OFFICES, PASSWORD_RULE } from '../../labels';

interface Values {
  level: NodeLevel;
  regionCode: string | null;
  name?: string;
  adminUsername: string;
  adminDisplayName: string;
  adminPassword: string;
  adminPasswordConfirm: string;
}

/** Levels of selects below 甘肃省 for each node level: none, 市 + 县, 市 + 县 + 乡镇. */
const DEPTH: Record<NodeLevel, number> = { province: 0, county: 2, township: 3 };
const REGION_HINT: Record<NodeLevel, string> = {
  province: '省级节点的区划为甘肃省',
  county: '请依次选择市（州）和县（区）',
  township: '请依次选择市（州）、县（区）和乡（镇）',
};
const STEP_FIELDS: (keyof Values)[][] = [
  ['level', 'regionCode', 'name'],
  ['adminUsername', 'adminDisplayName', 'adminPassword', 'adminPasswordConfirm'],
];

/** Core names the node like this when the name is left empty (services/node-setup.ts). */
const defaultName = (level: NodeLevel, regionName: string): string => `${regionName}扶贫${level === 'township' ? '工作站' : '办'}`;

export function SetupPage() {
  const [form] = Form.useForm<Values>();
  const [province, setProvince] = useState<RegionOption | null | 'missing'>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [step, setStep] = useState(0);
  const [regionName, setRegionName] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<NodeView | null>(null);
  const level = Form.useWatch('level', form) ?? 'county';
  const { reloadStatus } = useSession();
  const navigate = useNavigate();

  useEffect(() => {
    call('regions.children', { parentCode: null }).then(
      (list) => setProvince(list.find((r) => r.level === 'province') ?? 'missing'),
      (err: unknown) => setLoadError(errorText(err)),
    );
  }, []);

  // A province node's region is the province itself; other levels pick theirs below it.
  useEffect(() => {
    if (level === 'province' && province && province !== 'missing') {
      form.setFieldValue('regionCode', province.code);
      setRegionName(province.name);
    } else if (level === 'province') {
      form.setFieldValue('regionCode', null);
    }
  }, [level, province, form]);

  async function next(): Promise<void> {
    const fields = STEP_FIELDS[step];
    if (fields && !(await form.validateFields(fields).then(() => true, () => false))) return;
    setError(null);
    setStep((s) => s + 1);
  }

  async function finish(): Promise<void> {
    const v = form.getFieldsValue(true) as Values;
    if (!v.regionCode) return setStep(0);
    setSubmitting(true);
    setError(null);
    try {
      const name = v.name?.trim();
      const node = await call('system.setup', {
        level: v.level,
        regionCode: v.regionCode,
        ...(name ? { name } : {}),
        adminUsername: v.adminUsername.trim(),
        adminDisplayName: v.adminDisplayName.trim(),
        adminPassword: v.adminPassword,
      });
      setDone(node);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSubmitting(false);
    }
  }

  if (done) {
    return (
      <CenteredPage width={720} subtitle="首次设置">
        <Result
          status="success"
          title="工作站设置完成"
          subTitle={`${done.name}　${NODE_LEVEL_LABELS[done.level]} · ${done.regionPath}`}
          style={{ padding: '8px 0 0' }}
        />
        <Typography.Title level={5} style={{ marginTop: 20, marginBottom: 14, textAlign: 'center' }}>
          本节点密钥指纹
        </Typography.Title>
        <Fingerprint value={done.keyFingerprint} size="large" />
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 20 }}
          title="请务必与上级扶贫办核对密钥指纹"
          description="请把上面的密钥指纹抄在节点登记表上，并通过电话或当面与上级扶贫办逐组核对；不要只通过本程序、微信或电子邮件传递。上级核对无误并登记后，才会接收本节点报送的数据包。密钥指纹以后可在「系统设置 › 节点信息」中再次查看。"
        />
        <div style={{ textAlign: 'center', marginTop: 24 }}>
          <Button
            type="primary"
            size="large"
            onClick={() => {
              void reloadStatus().then(() => navigate('/login', { replace: true }));
            }}
          >
            已记下指纹，前往登录
          </Button>
        </div>
      </CenteredPage>
    );
  }

  const provinceReady = province && province !== 'missing' ? province : null;
  const summary = form.getFieldsValue(true) as Partial<Values>;

  return (
    <CenteredPage width={720} subtitle="首次设置：建立本工作站">
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 28 }}
        items={[{ title: '节点与区划' }, { title: '第一个管理员' }, { title: '核对并完成' }]}
      />
      {loadError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={loadError} />}
      {province === 'missing' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="未能读取甘肃省行政区划表，无法选择区划。请联系县扶贫办技术人员。"
        />
      )}
      {!province && !loadError && <Spin />}
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '110px' }}
        wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
        requiredMark={false}
        initialValues={{ level: 'county', regionCode: null }}
      >
        <div hidden={step !== 0}>
          <Form.Item name="level" label="节点级别">
            <Radio.Group
              onChange={(e) => {
                // Leaving the province level: its region (the province itself) is no answer below it.
                if (e.target.value !== 'province' && level === 'province') {
                  form.setFieldValue('regionCode', null);
                  setRegionName(null);
                }
              }}
              options={(['province', 'county', 'township'] as const).map((l) => ({
                value: l,
                label: `${NODE_LEVEL_LABELS[l]}（${NODE_LEVEL_OFFICES[l]}）`,
              }))}
            />
          </Form.Item>
          <Form.Item label="行政区划" required extra={REGION_HINT[level]}>
            <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
              <span style={{ lineHeight: '32px', paddingRight: 4 }}>{provinceReady?.name ?? '甘肃省'}</span>
              {provinceReady && level !== 'province' && (
                <Form.Item name="regionCode" noStyle rules={[{ required: true, message: `请选择到${level === 'county' ? '县（区）' : '乡（镇）'}一级` }]}>
                  <RegionCascade root={provinceReady} depth={DEPTH[level]} onPicked={setRegionName} selectWidth={150} />
                </Form.Item>
              )}
            </div>
          </Form.Item>
          <Form.Item
            name="name"
            label="节点名称"
            extra="打印的表格和报送的数据包上显示这个名称；不填则使用括号中的名称。"
            rules={[{ max: 60, message: '名称不超过 60 个字' }]}
          >
            <Input placeholder={regionName ? `（${defaultName(level, regionName)}）` : '例如：会宁县扶贫办'} style={{ maxWidth: 360 }} />
          </Form.Item>
        </div>

        <div hidden={step !== 1}>
          <Typography.Paragraph type="secondary">
            第一个管理员负责建立其他账号、备份数据和报送数据包。节点的签名密钥由这个账号的密码加密保存，请牢记密码。
          </Typography.Paragraph>
          <Form.Item
            name="adminUsername"
            label="用户名"
            extra="登录时使用：2–32 位字母、数字、下划线、点或短横线"
            rules={[
              { required: true, whitespace: true, message: '请填写用户名' },
              { pattern: /^\s*[A-Za-z0-9_.-]{2,32}\s*$/, message: '用户名为 2–32 位字母、数字、下划线、点或短横线' },
            ]}
          >
            <Input autoComplete="off" style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item name="adminDisplayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 30, message: '姓名不超过 30 个字' }]}>
            <Input autoComplete="off" style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item name="adminPassword" label="密码" extra={`密码规则：${PASSWORD_RULE}`} rules={newPasswordRules}>
            <Input.Password autoComplete="new-password" style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item name="adminPasswordConfirm" label="确认密码" dependencies={['adminPassword']} rules={confirmPasswordRules('adminPassword')}>
            <Input.Password autoComplete="new-password" style={{ maxWidth: 280 }} />
          </Form.Item>
        </div>
      </Form>

      {step === 2 && (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 130 } }}
            items={[
              { key: 'level', label: '节点级别', children: summary.level ? `${NODE_LEVEL_LABELS[summary.level]}（${NODE_LEVEL_OFFICES[summary.level]}）` : '' },
              { key: 'region', label: '行政区划', children: `${regionName ?? ''}（${summary.regionCode ?? ''}）` },
              { key: 'name', label: '节点名称', children: summary.name?.trim() || (summary.level && regionName ? defaultName(summary.level, regionName) : '') },
              { key: 'admin', label: '管理员', children: `${summary.adminDisplayName ?? ''}（用户名 ${summary.adminUsername ?? ''}）` },
            ]}
          />
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 16 }}
            title="点击「完成设置」后将生成本节点的签名密钥，节点级别和行政区划以后不能再改。"
          />
        </>
      )}

      {error && <Alert type="error" showIcon style={{ marginTop: 16 }} title={error} />}

      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 24 }}>
        {step > 0 && <Button onClick={() => setStep((s) => s - 1)}>上一步</Button>}
        {step < 2 && (
          <Button type="primary" disabled={!provinceReady} onClick={() => void next()}>
            下一步
          </Button>
        )}
        {step === 2 && (
          <Button type="primary" loading={submitting} onClick={() => void finish()}>
            完成设置
          </Button>
        )}
      </div>
    </CenteredPage>
  );
}
