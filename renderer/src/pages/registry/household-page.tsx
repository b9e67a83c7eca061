import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Result, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { FindingView, HouseholdDetail, PersonRecord, SaveHouseholdResult } from '../../../../electron/core/api/contract';
import { call } from '../../api/client';
import { errorText, isApiError } from '../../api/errors';
import { useSignedIn } from '../../app/session';
import { codeLabel, useCodeTables } from './use-code-tables';
import { useLiveValidation } from './use-live-validation';
import {
  draftOf,
  FindingIndex,
  memberIndexOf,
  newDraft,
  newMemberKey,
  newPerson,
  saveInputOf,
  tabOfFinding,
  type HouseholdDraft,
  type HouseholdTab,
  type MemberDraft,
} from './household-draft';
import { HouseholdTabs, type HouseholdActions } from './household-tabs';
import { LeaveDialog } from './members-tab';
import { MemberDrawer } from './member-drawer';
import { FindingsPanel } from './findings-panel';
import { SaveResultDialog } from './save-result-dialog';
import { shortVillageName, villageLabel } from './region-labels';
import type { FieldValue } from './field-input';

const TAB_KEYS: HouseholdTab[] = ['basic', 'members', 'conditions', 'income', 'assistance', 'ledgers', 'events'];

interface Focus {
  tab: HouseholdTab;
  /** The member whose drawer is open, by row key. */
  memberKey: string | null;
  /** The highlighted field: a record key, or relocation.<key>. */
  field: string | null;
}

/** The element a focused field renders as (see FieldItem's wrapper id and the id prefixes). */
function wrapperId(focus: Focus, memberIndex: number): string | null {
  if (!focus.field) return null;
  switch (focus.tab) {
    case 'basic':
      return focus.field.startsWith('relocation.') ? `wrap-hr-${focus.field.slice(11)}` : `wrap-h-${focus.field}`;
    case 'members':
      return memberIndex >= 0 ? `wrap-m${memberIndex}-${focus.field}` : null;
    case 'conditions':
      return `wrap-c-${focus.field}`;
    case 'income':
      return `wrap-i-${focus.field}`;
    default:
      return null;
  }
}

type SavedState = { result: SaveHouseholdResult; members: MemberDraft[] };

/** A fresh page for every navigation: another household, or the new one just saved. */
export function HouseholdRoute() {
  const location = useLocation();
  return <HouseholdPage key={location.key} />;
}

/**
 * One household: tabs 基本信息, 家庭成员, 生产生活条件, 收入, 帮扶, 三本账, 动态. The whole form is
 * one draft; every edit is checked by core's rules ~400 ms later and the findings show beside
 * their fields; 保存 sends the draft and shows what changed.
 * Routes: /registry/household/:id (?tab=&person=&field= from 数据质量) and /registry/new?village=.
 */
export function HouseholdPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { user } = useSignedIn();
  const readOnly = user.role === 'viewer';
  const isNew = id === undefined;
  const village = search.get('village');
  const group = search.get('group');
  const backTo = (location.state as { from?: string } | null)?.from ?? '/registry';

  const [detail, setDetail] = useState<HouseholdDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<HouseholdDraft | null>(null);
  const [baseline, setBaseline] = useState<HouseholdDraft | null>(null);
  const [focus, setFocus] = useState<Focus>(() => {
    const tab = search.get('tab') as HouseholdTab | null;
    return { tab: tab && TAB_KEYS.includes(tab) ? tab : 'basic', memberKey: null, field: search.get('field') };
  });
  const [saving, setSaving] = useState(false);
  // A new household's save result arrives through the navigation to its own address.
  const [saved, setSaved] = useState<SavedState | null>(() => (location.state as { saved?: SavedState } | null)?.saved ?? null);
  const [leaveAsk, setLeaveAsk] = useState<number | null>(null);
  const [regionLabel, setRegionLabel] = useState<string>('');

  const load = useCallback(async (): Promise<HouseholdDetail | undefined> => {
    if (isNew) {
      if (!village) {
        setLoadError('没有指定所在村：请在户列表左侧选择一个村后再点「新建户」。');
        return;
      }
      const fresh = newDraft(village, group);
      setDraft(fresh);
      setBaseline(fresh);
      setRegionLabel(await villageLabel(village));
      return;
    }
    try {
      const d = await call('registry.getHousehold', { id });
      const fresh = draftOf(d);
      setDetail(d);
      setDraft(fresh);
      setBaseline(fresh);
      setRegionLabel(d.regionPath);
      setLoadError(null);
      return d;
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, [id, isNew, village, group]);

  useEffect(() => {
    void load().then((d) => {
      // Opened from a 数据质量 finding: go to the member's drawer and its field.
      const person = search.get('person');
      if (d && person && d.members.some((x) => x.personId === person)) setFocus((f) => ({ ...f, tab: 'members', memberKey: person }));
    });
  }, [load]);

  const regionCode = detail?.regionCode ?? village ?? '';
  const dirty = draft !== baseline;
  // A new household is checked from its first edit on; an existing one as soon as it opens.
  const input = useMemo(() => (draft && regionCode && (dirty || !isNew) ? saveInputOf(id ?? null, regionCode, draft) : null), [draft, regionCode, dirty, isNew, id]);
  const validation = useLiveValidation(input);
  // Until the first live check answers, show what core stored with the household.
  const shownFindings = input === null ? [] : validation.answered ? validation.findings : (detail?.findings ?? []);
  const members = draft?.members ?? [];
  const index = useMemo(() => new FindingIndex(shownFindings, members), [shownFindings, members]);
  const year = draft?.household.dataYear ?? null;
  const { tables } = useCodeTables(year);

  // The tabs follow the draft at low priority (see HouseholdTabs); the drawer follows it at once.
  const deferredDraft = useDeferredValue(draft);
  const deferredIndex = useMemo(() => new FindingIndex(shownFindings, deferredDraft?.members ?? []), [shownFindings, deferredDraft]);

  // Leaving the window with unsaved edits asks first (in-app, the 户列表 button asks).
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const memberIndex = focus.memberKey ? members.findIndex((m) => m.key === focus.memberKey) : -1;

  // Bring a focused field into view once its tab (and drawer) are on screen.
  useEffect(() => {
    const target = wrapperId(focus, memberIndex);
    if (!target) return;
    let tries = 0;
    const timer = window.setInterval(() => {
      const el = document.getElementById(target);
      if (el || ++tries > 40) {
        window.clearInterval(timer);
        el?.scrollIntoView({ block: 'center' });
      }
    }, 50);
    return () => window.clearInterval(timer);
  }, [focus, memberIndex >= 0, draft !== null]);

  // The latest state, for the stable actions below.
  const latest = useRef({ draft, detail, dirty, openKey: focus.memberKey });
  latest.current = { draft, detail, dirty, openKey: focus.memberKey };

  const actions = useMemo<HouseholdActions>(() => {
    const edit = (next: (d: HouseholdDraft) => HouseholdDraft) => setDraft((d) => (d ? next(d) : d));
    return {
      setTab: (tab) => setFocus({ tab, memberKey: null, field: null }),
      openMember: (i) => setFocus({ tab: 'members', memberKey: latest.current.draft?.members[i]?.key ?? null, field: null }),
      addMember: (joinReason) => {
        const key = newMemberKey();
        edit((d) => ({ ...d, members: [...d.members, { key, personId: null, record: newPerson(), joinReason }] }));
        setFocus({ tab: 'members', memberKey: key, field: null });
      },
      removeMember: (i) => {
        // A member added on this page just goes; a saved one leaves with a reason and a date.
        const m = latest.current.draft?.members[i];
        if (!m) return;
        if (m.personId) setLeaveAsk(i);
        else edit((d) => ({ ...d, members: d.members.filter((x) => x.key !== m.key) }));
      },
      undoLeave: (personId) =>
        edit((d) => {
          const back = latest.current.detail?.members.find((m) => m.personId === personId);
          if (!back) return d;
          return {
            ...d,
            leaving: d.leaving.filter((l) => l.personId !== personId),
            members: [...d.members, { key: back.personId, personId: back.personId, record: back.record, joinReason: null }],
          };
        }),
      editHousehold: (key, value) => edit((d) => ({ ...d, household: { ...d.household, [key]: value } })),
      replaceRelocation: (block) => edit((d) => ({ ...d, household: { ...d.household, relocation: block } })),
      editRelocation: (key, value) =>
        edit((d) => (d.household.relocation ? { ...d, household: { ...d.household, relocation: { ...d.household.relocation, [key]: value } } } : d)),
      replaceConditions: (record) => edit((d) => ({ ...d, conditions: record })),
      editConditions: (key, value) => edit((d) => (d.conditions ? { ...d, conditions: { ...d.conditions, [key]: value } } : d)),
      replaceIncome: (record) => edit((d) => ({ ...d, income: record })),
      switchIncomeYear: (record) => {
        // Looking at another saved year is not an edit: an untouched form stays untouched.
        const { draft: d, dirty: changed } = latest.current;
        if (!d) return;
        const next = { ...d, income: record };
        setDraft(next);
        if (!changed) setBaseline(next);
      },
      editIncome: (key, value) => edit((d) => (d.income ? { ...d, income: { ...d.income, [key]: value } } : d)),
      // Workflow changes add events but leave the record alone: the draft (and any edits in it) stays.
      reloadSaved: () => {
        const householdId = latest.current.detail?.id;
        if (householdId) void call('registry.getHousehold', { id: householdId }).then(setDetail, (err) => void message.error(errorText(err)));
      },
    };
  }, []);

  const editMember = useCallback(
    (key: Extract<keyof PersonRecord, string>, value: FieldValue) =>
      setDraft((d) => (d ? { ...d, members: d.members.map((m) => (m.key === latest.current.openKey ? { ...m, record: { ...m.record, [key]: value } } : m)) } : d)),
    [],
  );

  if (loadError) {
    return (
      <Card>
        <Result status="warning" title="无法打开该户" subTitle={loadError} extra={<Button onClick={() => navigate(backTo)}>返回户列表</Button>} />
      </Card>
    );
  }
  if (!draft || !deferredDraft) {
    return (
      <Card>
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description="正在打开…" />
        </div>
      </Card>
    );
  }

  function jump(f: FindingView): void {
    const tab = tabOfFinding(f);
    const i = f.entity === 'person' ? memberIndexOf(f, members) : -1;
    setFocus({ tab, memberKey: i >= 0 ? (members[i]?.key ?? null) : null, field: f.field });
  }

  function leave(): void {
    if (!dirty) return void navigate(backTo);
    modal.confirm({
      title: '放弃未保存的修改？',
      content: '本户有修改还没有保存，离开后这些修改会丢失。',
      okText: '放弃修改并离开',
      cancelText: '继续编辑',
      okButtonProps: { danger: true },
      onOk: () => navigate(backTo),
    });
  }

  async function save(): Promise<void> {
    if (!draft || !regionCode) return;
    setSaving(true);
    try {
      const result = await call('registry.saveHousehold', saveInputOf(id ?? null, regionCode, draft));
      if (result.created) {
        navigate(`/registry/household/${result.id}`, { replace: true, state: { from: backTo, saved: { result, members: draft.members } } });
        return;
      }
      setSaved({ result, members: draft.members });
      await load();
      validation.setFindings(result.findings);
    } catch (err) {
      if (isApiError(err, 'ROW_INVALID')) {
        const findings = (err.details as { findings?: FindingView[] } | undefined)?.findings ?? [];
        validation.setFindings(findings);
        const errors = findings.filter((f) => f.severity === 'error');
        void message.error(`有 ${errors.length} 处错误，未保存。请按字段旁的提示修改后再保存。`);
        const first = errors[0];
        if (first) jump(first);
      } else {
        void message.error(errorText(err));
      }
    } finally {
      setSaving(false);
    }
  }

  const h = draft.household;
  const head = draft.members.find((m) => m.record.relationship === '01');
  const title = isNew ? '新建户' : (head?.record.name ?? h.headName ?? '（未填户主）');
  const openMember = memberIndex >= 0 ? draft.members[memberIndex] : undefined;

  return (
    <div style={{ maxWidth: 1400 }}>
      <div style={{ position: 'sticky', top: 0, zIndex: 20, background: '#f2f4f7', paddingBottom: 10, marginTop: -4, paddingTop: 4 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 8 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={leave}>
            户列表
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Space size={4} wrap>
            <Tag>{h.dataYear} 年度</Tag>
            {h.exitStatus && <Tag color="blue">{codeLabel(tables, 'exitStatus', h.exitStatus)}</Tag>}
            {h.attribute && <Tag>{codeLabel(tables, 'attribute', h.attribute)}</Tag>}
          </Space>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>
            {regionLabel.split(' ').slice(-2).map((part, i) => (i === 1 ? shortVillageName(part) : part)).join(' ')}
            {h.groupName ? ` ${h.groupName}` : ''}
            {h.householdNumber ? ` · 户编号 ${h.householdNumber}` : ''}
          </Typography.Text>
          <span style={{ marginLeft: 'auto', display: 'flex', gap: 8, alignItems: 'center' }}>
            {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
            {!readOnly && dirty && (
              <Button
                icon={<UndoOutlined />}
                onClick={() =>
                  modal.confirm({
                    title: '放弃本次所有修改？',
                    okText: '放弃修改',
                    cancelText: '继续编辑',
                    okButtonProps: { danger: true },
                    onOk: () => {
                      setDraft(baseline);
                      setFocus((f) => ({ ...f, memberKey: null, field: null }));
                    },
                  })
                }
              >
                放弃修改
              </Button>
            )}
            {!readOnly && (
              <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={() => void save()}>
                保存
              </Button>
            )}
          </span>
        </div>
        {readOnly && <Alert type="info" showIcon style={{ marginBottom: 8 }} title="您的账号是查看员，只能查看，不能修改。" />}
        <FindingsPanel
          findings={shownFindings}
          members={draft.members}
          checking={validation.checking}
          error={validation.error}
          focusMember={memberIndex}
          onJump={jump}
        />
      </div>
      <Card styles={{ body: { paddingTop: 0 } }}>
        <HouseholdTabs
          draft={deferredDraft}
          detail={detail}
          isNew={isNew}
          regionLabel={`${regionLabel}（${regionCode}）`}
          tables={tables}
          findings={deferredIndex}
          tab={focus.tab}
          highlight={focus.memberKey ? null : focus.field}
          readOnly={readOnly}
          actions={actions}
        />
      </Card>
      {openMember && (
        <MemberDrawer
          member={openMember}
          index={memberIndex}
          tables={tables}
          findings={index.ofMember(memberIndex, draft.members)}
          highlight={focus.field}
          readOnly={readOnly}
          onChange={editMember}
          onRemove={() => {
            setFocus((f) => ({ ...f, memberKey: null, field: null }));
            actions.removeMember(memberIndex);
          }}
          onClose={() => setFocus((f) => ({ ...f, memberKey: null, field: null }))}
        />
      )}
      {leaveAsk !== null && draft.members[leaveAsk] && (
        <LeaveDialog
          name={draft.members[leaveAsk]?.record.name ?? '该成员'}
          tables={tables}
          onCancel={() => setLeaveAsk(null)}
          onOk={(reason, date) => {
            const i = leaveAsk;
            setLeaveAsk(null);
            setDraft((d) => {
              const m = d?.members[i];
              if (!d || !m?.personId) return d;
              return {
                ...d,
                members: d.members.filter((_, k) => k !== i),
                leaving: [...d.leaving, { personId: m.personId, name: m.record.name ?? '成员', reason, date }],
              };
            });
          }}
        />
      )}
      {saved && <SaveResultDialog result={saved.result} members={saved.members} onClose={() => setSaved(null)} />}
    </div>
  );
}
