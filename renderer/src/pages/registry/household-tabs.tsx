import { memo } from 'react';
import { Badge, Result, Tabs } from 'antd';
import type { ConditionsRecord, HouseholdDetail, HouseholdRecord, IncomeRecord } from '../../../../electron/core/api/contract';
import type { FieldValue } from './field-input';
import type { CodeTables } from './use-code-tables';
import type { FindingIndex, HouseholdDraft, HouseholdTab } from './household-draft';
import { BasicTab } from './basic-tab';
import { MembersTab } from './members-tab';
import { ConditionsTab } from './conditions-tab';
import { IncomeTab } from './income-tab';
import { EventsTab } from './events-tab';
import { HouseholdAssistanceTab } from '../assistance/household-assistance-tab';
import { HouseholdBooksTab } from '../assistance/household-books-tab';

type RelocationBlock = NonNullable<HouseholdRecord['relocation']>;

/** Every edit the tabs can make; the page passes one object whose identity never changes. */
export interface HouseholdActions {
  setTab(tab: HouseholdTab): void;
  openMember(index: number): void;
  addMember(joinReason: string | null): void;
  removeMember(index: number): void;
  undoLeave(personId: string): void;
  editHousehold(key: Extract<keyof HouseholdRecord, string>, value: FieldValue): void;
  replaceRelocation(block: RelocationBlock | null): void;
  editRelocation(key: keyof RelocationBlock, value: FieldValue): void;
  replaceConditions(record: ConditionsRecord | null): void;
  editConditions(key: Extract<keyof ConditionsRecord, string>, value: FieldValue): void;
  replaceIncome(record: IncomeRecord | null): void;
  switchIncomeYear(record: IncomeRecord): void;
  editIncome(key: Extract<keyof IncomeRecord, string>, value: FieldValue): void;
  /** Reads the saved household again after a change recorded outside the draft (动态). */
  reloadSaved(): void;
}

interface Props {
  draft: HouseholdDraft;
  detail: HouseholdDetail | null;
  isNew: boolean;
  regionLabel: string;
  tables: CodeTables | null;
  findings: FindingIndex;
  tab: HouseholdTab;
  /** The highlighted field of the active tab (not of the member drawer). */
  highlight: string | null;
  readOnly: boolean;
  actions: HouseholdActions;
}

/**
 * The household's tabs. Memoized, and fed the page's deferred draft: typing in the member
 * drawer re-renders the drawer at once and these tabs (hidden under it) when the browser is idle.
 */
export const HouseholdTabs = memo(function HouseholdTabs({ draft, detail, isNew, regionLabel, tables, findings, tab, highlight, readOnly, actions }: Props) {
  const h = draft.household;
  const badge = (key: HouseholdTab, label: string) => {
    const list = findings.ofTab(key);
    const errors = list.filter((f) => f.severity === 'error').length;
    return (
      <span>
        {label}
        {list.length > 0 && <Badge count={list.length} size="small" color={errors > 0 ? '#cf1322' : '#d48806'} style={{ marginInlineStart: 6 }} />}
      </span>
    );
  };
  const savedIncome = draft.income ? detail?.incomes.find((i) => i.record.year === draft.income?.year)?.record : undefined;
  const names = new Map<string, string>([...(detail?.members ?? []), ...(detail?.formerMembers ?? [])].map((m) => [m.personId, m.record.name ?? '成员']));

  return (
    <Tabs
      activeKey={tab}
      destroyOnHidden
      onChange={(key) => actions.setTab(key as HouseholdTab)}
      items={[
        {
          key: 'basic',
          label: badge('basic', '基本信息'),
          children: (
            <BasicTab
              household={h}
              members={draft.members}
              regionLabel={regionLabel}
              tables={tables}
              findings={findings}
              highlight={tab === 'basic' ? highlight : null}
              readOnly={readOnly}
              onChange={actions.editHousehold}
              onRelocation={actions.replaceRelocation}
              onRelocationField={actions.editRelocation}
            />
          ),
        },
        {
          key: 'members',
          label: badge('members', `家庭成员（${draft.members.length}）`),
          children: (
            <MembersTab
              members={draft.members}
              leaving={draft.leaving}
              formerMembers={detail?.formerMembers ?? []}
              existing={!isNew}
              tables={tables}
              findings={findings}
              readOnly={readOnly}
              onOpen={actions.openMember}
              onAdd={actions.addMember}
              onRemove={actions.removeMember}
              onUndoLeave={actions.undoLeave}
            />
          ),
        },
        {
          key: 'conditions',
          label: badge('conditions', '生产生活条件'),
          children: (
            <ConditionsTab
              conditions={draft.conditions}
              dataYear={h.dataYear}
              tables={tables}
              findings={findings}
              highlight={tab === 'conditions' ? highlight : null}
              readOnly={readOnly}
              onReplace={actions.replaceConditions}
              onChange={actions.editConditions}
            />
          ),
        },
        {
          key: 'income',
          label: badge('income', '收入'),
          children: (
            <IncomeTab
              income={draft.income}
              saved={detail?.incomes ?? []}
              dataYear={h.dataYear}
              edited={draft.income !== null && draft.income !== savedIncome}
              tables={tables}
              findings={findings}
              highlight={tab === 'income' ? highlight : null}
              readOnly={readOnly}
              onReplace={actions.replaceIncome}
              onSwitchYear={actions.switchIncomeYear}
              onChange={actions.editIncome}
            />
          ),
        },
        {
          key: 'assistance',
          label: badge('assistance', '帮扶'),
          children: detail ? <HouseholdAssistanceTab householdId={detail.id} readOnly={readOnly} /> : <Result status="info" title="帮扶" subTitle="保存本户后才能登记帮扶责任人和享受的政策。" />,
        },
        {
          key: 'ledgers',
          label: '三本账',
          children: detail ? <HouseholdBooksTab householdId={detail.id} readOnly={readOnly} /> : <Result status="info" title="三本账" subTitle="保存本户后才能填写脱贫计划、帮扶措施和工作台账。" />,
        },
        {
          key: 'events',
          label: `动态（${detail?.events.length ?? 0}）`,
          children: <EventsTab events={detail?.events ?? []} names={names} tables={tables} householdId={detail?.id ?? null} headName={h.headName ?? '该户'} readOnly={readOnly} onChanged={actions.reloadSaved} />,
        },
      ]}
    />
  );
});
