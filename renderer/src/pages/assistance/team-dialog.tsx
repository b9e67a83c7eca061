import { useEffect, useState } from 'react';
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import type { TeamView, UnitView } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { CadreSelect } from './cadre-select';
import { SaveError, useSave } from './save-error';
import { selectOptions, thisYear, useAssistanceCatalog } from './use-catalog';
import { VillageSelect } from './village-select';

interface Props {
  team: TeamView | null;
  onClose(): void;
  onSaved(name: string): void;
}

interface Member {
  cadreId: string | null;
  cadreName: string;
  role: string;
  isFirstSecretary: boolean;
  fromDate: string;
  toDate: string | null;
  daysInVillage: Record<string, number>;
}

const iso = (d: dayjs.Dayjs | null): string | null => (d ? d.format('YYYY-MM-DD') : null);

export function TeamDialog({ team, onClose, onSaved }: Props) {
  const catalog = useAssistanceCatalog(thisYear());
  const daysYear = thisYear() - 1;
  const [village, setVillage] = useState<{ code: string; name: string } | null>(team ? { code: team.villageCode, name: team.villageName } : null);
  const [name, setName] = useState(team?.name ?? '驻村帮扶工作队');
  const [unitId, setUnitId] = useState<string | null>(team?.unitId ?? null);
  const [fromDate, setFromDate] = useState<string>(team?.fromDate ?? dayjs().format('YYYY-MM-DD'));
  const [toDate, setToDate] = useState<string | null>(team?.toDate ?? null);
  const [members, setMembers] = useState<Member[]>(team?.members ?? []);
  const [units, setUnits] = useState<UnitView[]>([]);
  const { saving, error, setError, run } = useSave();
  useEffect(() => {
    call('assistance.listUnits', {}).then(setUnits, () => undefined);
  }, []);

  const edit = (i: number, patch: Partial<Member>) => setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  async function submit(): Promise<void> {
    if (!village) return setError(['「派驻村」：请选择村']);
    if (members.some((m) => !m.cadreId)) return setError(['「队员」：每一行都要选择帮扶责任人']);
    await run(async () => {
      await call('assistance.saveTeam', {
        id: team?.id ?? null,
        villageCode: village.code,
        name,
        unitId,
        fromDate,
        toDate,
        note: team?.note ?? null,
        members: members.map((m) => ({ cadreId: m.cadreId!, role: m.role, isFirstSecretary: m.isFirstSecretary, fromDate: m.fromDate, toDate: m.toDate, daysInVillage: m.daysInVillage })),
      });
      onSaved(name);
    });
  }

  return (
    <Modal open title={team ? `编辑驻村工作队：${team.villageName}` : '派驻驻村工作队'} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} width={980} mask={{ closable: false }} destroyOnHidden>
      <SaveError lines={error} />
      <Form labelCol={{ flex: '96px' }} style={{ marginTop: 12 }}>
        <Form.Item label="派驻村" required>
          {team ? <span>{team.townshipName} {team.villageName}</span> : <VillageSelect value={village?.code ?? null} onChange={(code, n) => setVillage({ code, name: n })} ariaLabel="派驻村" />}
        </Form.Item>
        <Form.Item label="工作队名称" required>
          <Input aria-label="工作队名称" value={name} onChange={(e) => setName(e.target.value)} maxLength={40} style={{ width: 300 }} />
        </Form.Item>
        <Form.Item label="派出单位">
          <Select aria-label="派出单位" allowClear value={unitId ?? undefined} onChange={(v?: string) => setUnitId(v ?? null)} options={units.map((u) => ({ value: u.id, label: u.name }))} style={{ width: 300 }} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item label="派驻期间" required>
          <Space>
            <DatePicker aria-label="派驻日期" allowClear={false} value={dayjs(fromDate)} onChange={(d) => setFromDate(iso(d) ?? fromDate)} />
            至
            <DatePicker aria-label="撤离日期" value={toDate ? dayjs(toDate) : null} placeholder="在驻" onChange={(d) => setToDate(iso(d))} />
          </Space>
        </Form.Item>
      </Form>
      <Table<Member>
        rowKey={(_, i) => String(i)}
        size="small"
        pagination={false}
        dataSource={members}
        locale={{ emptyText: '还没有队员' }}
        columns={[
          { title: '队员', key: 'cadre', render: (_, m, i) => <CadreSelect value={m.cadreId} label={m.cadreName} onChange={(c) => edit(i, { cadreId: c?.id ?? null, cadreName: c?.name ?? '' })} ariaLabel={`第${i + 1}名队员`} style={{ width: 240 }} /> },
          { title: '队内职务', key: 'role', render: (_, m, i) => <Select aria-label={`第${i + 1}名队员职务`} value={m.role} options={selectOptions(catalog?.teamRoles)} onChange={(role: string) => edit(i, { role })} style={{ width: 110 }} /> },
          { title: '第一书记', key: 'fs', render: (_, m, i) => <Checkbox aria-label={`第${i + 1}名队员是第一书记`} checked={m.isFirstSecretary} onChange={(e) => edit(i, { isFirstSecretary: e.target.checked })} /> },
          { title: '入队', key: 'from', render: (_, m, i) => <DatePicker size="small" allowClear={false} value={dayjs(m.fromDate)} onChange={(d) => edit(i, { fromDate: iso(d) ?? m.fromDate })} /> },
          { title: '离队', key: 'to', render: (_, m, i) => <DatePicker size="small" value={m.toDate ? dayjs(m.toDate) : null} placeholder="在队" onChange={(d) => edit(i, { toDate: iso(d) })} /> },
          {
            title: `${daysYear} 年驻村天数`,
            key: 'days',
            render: (_, m, i) =>
              m.role === 'townshipCadre' ? (
                '—'
              ) : (
                <InputNumber
                  size="small"
                  min={0}
                  max={366}
                  aria-label={`第${i + 1}名队员驻村天数`}
                  value={m.daysInVillage[String(daysYear)] ?? null}
                  onChange={(v) => {
                    const days = { ...m.daysInVillage };
                    if (v === null) delete days[String(daysYear)];
                    else days[String(daysYear)] = v;
                    edit(i, { daysInVillage: days });
                  }}
                />
              ),
          },
          {
            title: '',
            key: 'x',
            render: (_, _m, i) => (
              <Button type="link" size="small" danger onClick={() => setMembers(members.filter((_, j) => j !== i))}>
                移除
              </Button>
            ),
          },
        ]}
      />
      <Button
        style={{ marginTop: 8 }}
        onClick={() => setMembers([...members, { cadreId: null, cadreName: '', role: members.some((m) => m.role === 'leader') ? 'member' : 'leader', isFirstSecretary: members.length === 0, fromDate, toDate: null, daysInVillage: {} }])}
      >
        添加队员
      </Button>
    </Modal>
  );
}
