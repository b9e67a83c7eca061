import { useState } from 'react';
import { Alert, Button, Collapse, DatePicker, Form, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { FindingView, MemberView } from '../../../../electron/core/api/contract';
import { codeLabel, type CodeTables } from './use-code-tables';
import { JOIN_REASON_CODES, LEAVE_REASON_CODES } from './form-fields';
import { SeverityTag } from './field-input';
import type { FindingIndex, LeavingDraft, MemberDraft } from './household-draft';

interface Props {
  members: MemberDraft[];
  leaving: LeavingDraft[];
  formerMembers: MemberView[];
  /** True for a household that exists: a new member then needs a 迁入原因. */
  existing: boolean;
  tables: CodeTables | null;
  findings: FindingIndex;
  readOnly: boolean;
  onOpen(index: number): void;
  onAdd(joinReason: string | null): void;
  /** 减少: a saved member is asked for a reason and a date by the page; a new one just goes. */
  onRemove(index: number): void;
  onUndoLeave(personId: string): void;
}

/** 家庭成员: one row per member; a row opens the member's full form. */
export function MembersTab({ members, leaving, formerMembers, existing, tables, findings, readOnly, onOpen, onAdd, onRemove, onUndoLeave }: Props) {
  const [asking, setAsking] = useState<boolean>(false);
  const householdLevel = findings.ofTab('members').filter((f) => f.entity === 'household');

  return (
    <div>
      {householdLevel.length > 0 && (
        <Alert
          type={householdLevel.some((f) => f.severity === 'error') ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={householdLevel.map((f) => f.message).join('；')}
        />
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <span style={{ color: 'rgba(0,0,0,0.55)' }}>共 {members.length} 人。点姓名打开该成员的全部信息。</span>
        {!readOnly && (
          <Button icon={<PlusOutlined />} onClick={() => (existing ? setAsking(true) : onAdd(null))}>
            增加成员
          </Button>
        )}
      </div>
      <Table<MemberDraft>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={members}
        scroll={{ x: 'max-content' }}
        aria-label="家庭成员"
        onRow={(_, index) => ({ onDoubleClick: () => index !== undefined && onOpen(index) })}
        columns={[
          { title: '序号', key: 'n', width: 56, render: (_, __, i) => i + 1 },
          {
            title: '姓名',
            key: 'name',
            render: (_, m, i) => (
              <Space size={4}>
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(i)}>
                  {m.record.name || '（未填姓名）'}
                </Button>
                {m.personId === null && (
                  <Tag color="blue">新增{m.joinReason ? `·${codeLabel(tables, 'memberChange', m.joinReason)}` : ''}</Tag>
                )}
              </Space>
            ),
          },
          { title: '与户主关系', key: 'rel', render: (_, m) => codeLabel(tables, 'relationship', m.record.relationship) || '—' },
          { title: '性别', key: 'sex', render: (_, m) => codeLabel(tables, 'sex', m.record.sex) || '—' },
          { title: '证件号码', key: 'id', render: (_, m) => <span style={{ fontFamily: 'Consolas, "DejaVu Sans Mono", monospace' }}>{m.record.idNumber ?? '—'}</span> },
          { title: '出生日期', key: 'birth', render: (_, m) => m.record.birthDate ?? '—' },
          { title: '健康状况', key: 'health', render: (_, m) => m.record.health.map((c) => codeLabel(tables, 'health', c)).join('、') || '—' },
          { title: '劳动技能', key: 'labour', render: (_, m) => codeLabel(tables, 'labourSkill', m.record.labourSkill) || '—' },
          {
            title: '文化程度/在校',
            key: 'edu',
            render: (_, m) => codeLabel(tables, 'education', m.record.education) || codeLabel(tables, 'studentStatus', m.record.studentStatus) || '—',
          },
          {
            title: '问题',
            key: 'findings',
            render: (_, __, i) => <FindingBadges list={findings.ofMember(i, members)} />,
          },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_, __, i) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => onOpen(i)}>
                  {readOnly ? '查看' : '编辑'}
                </Button>
                {!readOnly && (
                  <Button type="link" size="small" danger onClick={() => onRemove(i)}>
                    减少
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {leaving.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>本次减少的成员（保存后生效）</Typography.Text>
          <ul style={{ margin: '6px 0 0', paddingLeft: 20 }}>
            {leaving.map((l) => (
              <li key={l.personId}>
                {l.name}：{codeLabel(tables, 'memberChange', l.reason)}，{l.date}
                {!readOnly && (
                  <Button type="link" size="small" onClick={() => onUndoLeave(l.personId)}>
                    撤销
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {formerMembers.length > 0 && (
        <Collapse
          style={{ marginTop: 16 }}
          size="small"
          items={[
            {
              key: 'former',
              label: `历史成员（${formerMembers.length} 人，已减少）`,
              children: (
                <Table<MemberView>
                  rowKey="personId"
                  size="small"
                  pagination={false}
                  dataSource={formerMembers}
                  columns={[
                    { title: '姓名', key: 'name', render: (_, m) => m.record.name ?? '—' },
                    { title: '与户主关系', key: 'rel', render: (_, m) => codeLabel(tables, 'relationship', m.record.relationship) || '—' },
                    { title: '减少原因', key: 'reason', render: (_, m) => codeLabel(tables, 'memberChange', m.leaveReason) || '—' },
                    { title: '在户期间', key: 'period', render: (_, m) => `${m.fromDate} 至 ${m.toDate ?? ''}` },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
      {asking && (
        <JoinDialog
          tables={tables}
          onCancel={() => setAsking(false)}
          onOk={(reason) => {
            setAsking(false);
            onAdd(reason);
          }}
        />
      )}
    </div>
  );
}

export function FindingBadges({ list }: { list: readonly FindingView[] }) {
  const errors = list.filter((f) => f.severity === 'error').length;
  const warnings = list.length - errors;
  if (list.length === 0) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>—</span>;
  return (
    <span title={list.map((f) => f.message).join('\n')}>
      {errors > 0 && <SeverityTag severity="error" count={errors} />}
      {warnings > 0 && <SeverityTag severity="warning" count={warnings} />}
    </span>
  );
}

function reasonOptions(tables: CodeTables | null, codes: readonly string[]) {
  return codes.map((code) => ({ value: code, label: codeLabel(tables, 'memberChange', code) }));
}

function JoinDialog({ tables, onOk, onCancel }: { tables: CodeTables | null; onOk(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState<string>('06');
  return (
    <Modal open title="增加成员" okText="下一步：填写成员信息" cancelText="取消" onOk={() => onOk(reason)} onCancel={onCancel} destroyOnHidden>
      <Form layout="vertical" component="div">
        <Form.Item label="迁入原因" htmlFor="join-reason">
          <Radio.Group id="join-reason" value={reason} onChange={(e) => setReason(e.target.value as string)} options={reasonOptions(tables, JOIN_REASON_CODES)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function LeaveDialog({ name, tables, onOk, onCancel }: { name: string; tables: CodeTables | null; onOk(reason: string, date: string): void; onCancel(): void }) {
  const [reason, setReason] = useState<string | undefined>(undefined);
  const [date, setDate] = useState<string>(dayjs().format('YYYY-MM-DD'));
  const [tried, setTried] = useState(false);
  return (
    <Modal
      open
      title={`减少成员：${name}`}
      okText="确定减少"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onOk={() => {
        setTried(true);
        if (reason && date) onOk(reason, date);
      }}
      onCancel={onCancel}
      destroyOnHidden
    >
      <p style={{ marginTop: 0 }}>成员减少后保留在「历史成员」中，不会删除其档案。保存后生效。</p>
      <Form layout="vertical" component="div">
        <Form.Item label="减少原因" htmlFor="leave-reason" validateStatus={tried && !reason ? 'error' : undefined} help={tried && !reason ? '请选择减少原因' : undefined}>
          <Select id="leave-reason" placeholder="请选择" value={reason} onChange={setReason} options={reasonOptions(tables, LEAVE_REASON_CODES)} />
        </Form.Item>
        <Form.Item label="减少日期" htmlFor="leave-date" validateStatus={tried && !date ? 'error' : undefined} help={tried && !date ? '请选择日期' : undefined}>
          <DatePicker
            id="leave-date"
            style={{ width: '100%' }}
            value={date ? dayjs(date) : null}
            onChange={(d) => setDate(d ? d.format('YYYY-MM-DD') : '')}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
