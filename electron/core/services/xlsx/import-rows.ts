// From the rows of a national-layout sheet to households: rows are grouped by 户编号 (or, when
// the file has none, by 户主证件号码), each row's cells are read as its year's labels, and the
// household-level columns repeated on every member row are merged into one value per household.
//
// Files exported from the national system often merge the household cells vertically, which
// leaves them filled on the first member row only; so an empty household cell never conflicts,
// and a row with neither 户编号 nor 户主证件号码 continues the household above it.
import type { FieldSpec } from '../../domain/registry/field-specs';
import { normalizeIdNumber } from '../../domain/registry/id-number';
import { INVALID, parseField, parseIdText, parseText, parseYear, type CellContext, type CellProblem, type Parsed } from './cells';
import type { LayoutColumn } from './layout';
import type { SheetFound } from './read';
import { ExcelDate, type CellValue, type SheetRow } from './sheet-rows';

export type Severity = 'error' | 'warning';

export interface ImportProblem {
  /** 1-based row of the sheet */
  row: number;
  /** Chinese label of the column (or of the record field a rule names); '' for the whole row */
  field: string;
  /** A rule code of the quality catalogue (Q-ID-03 …) or a format rule (IMP-CODE …) */
  rule: string;
  severity: Severity;
  message: string;
}

export interface FileMember {
  row: number;
  /** Values of the person columns present in the file (null when the cell is empty) */
  record: Record<string, unknown>;
}

export interface FileHousehold {
  /** Grouping key: 'N:' + 户编号, 'H:' + 户主证件号码, or 'R:' + row for a row that names no household */
  key: string;
  firstRow: number;
  /** Row of the member whose 与户主关系 is 户主 */
  headRow: number | null;
  dataYear: number;
  /** Values of the household columns present in the file */
  household: Record<string, unknown>;
  regionCode: string | null;
  townshipName: string | null;
  villageName: string | null;
  /** Present when any conditions cell of the household is filled */
  conditions: Record<string, unknown> | null;
  income: Record<string, unknown> | null;
  members: FileMember[];
  problems: ImportProblem[];
}

/** Column ids present in the file, by section, so a merge keeps what the file does not carry. */
export interface PresentColumns {
  household: Set<string>;
  person: Set<string>;
  conditions: Set<string>;
  income: Set<string>;
}

interface Slot {
  col: LayoutColumn;
  index: number;
  /** The column's field spec (a text spec for the place columns) */
  spec: FieldSpec;
}

interface Plan {
  householdNumber?: Slot;
  headIdNumber?: Slot;
  dataYear?: Slot;
  conditionsYear?: Slot;
  person: Slot[];
  /** household, conditions, income and place columns: one value per household */
  shared: Slot[];
  all: Slot[];
  /** Every person column's key set to null, in column order */
  personTemplate: Record<string, unknown>;
}

interface Group {
  key: string;
  firstRow: number;
  headRow: number | null;
  dataYear: number;
  /** By shared slot position: the merged value and where it came from */
  values: unknown[];
  /** By shared slot position: the cell as last read, to skip the repeats on later member rows */
  raw: (CellValue | undefined)[];
  /** By shared slot position: the label as printed, when it differs from the year's table */
  printed: (string | null)[];
  valueRows: number[];
  fromHead: boolean[];
  reported: Set<string>;
  members: FileMember[];
  problems: ImportProblem[];
}

const same = (a: unknown, b: unknown): boolean => (Array.isArray(a) && Array.isArray(b) ? a.join('\u0001') === b.join('\u0001') : a === b);

export class RowGrouper {
  private plan: Plan | null = null;
  private readonly groups: Group[] = [];
  private readonly byNumber = new Map<string, Group>();
  private readonly byHeadId = new Map<string, Group>();
  private last: Group | null = null;
  rows = 0;
  persons = 0;

  constructor(
    private readonly ctx: CellContext,
    private readonly defaultYear: number,
  ) {}

  present(): PresentColumns {
    const out: PresentColumns = { household: new Set(), person: new Set(), conditions: new Set(), income: new Set() };
    if (!this.plan) return out;
    for (const s of [...this.plan.shared, ...this.plan.person]) {
      const section = s.col.section;
      if (section === 'household' || section === 'person' || section === 'conditions' || section === 'income') out[section].add(s.col.key);
    }
    return out;
  }

  private makePlan(found: SheetFound): Plan {
    const plan: Plan = { person: [], shared: [], all: [], personTemplate: {} };
    found.header.columns.forEach((col, index) => {
      if (!col) return;
      const slot: Slot = { col, index, spec: col.spec ?? { key: col.key, label: col.header, kind: 'text' } };
      switch (col.id) {
        case 'household.householdNumber':
          plan.householdNumber = slot;
          break;
        case 'household.headIdNumber':
          plan.headIdNumber = slot;
          break;
        case 'household.dataYear':
          plan.dataYear = slot;
          break;
        case 'conditions.dataYear':
          plan.conditionsYear = slot;
          break;
      }
      if (col.section === 'person') plan.person.push(slot);
      else if (col.section === 'household' || col.section === 'conditions' || col.section === 'income' || col.id === 'meta.township' || col.id === 'meta.village') {
        plan.shared.push(slot);
      }
    });
    plan.all = [...plan.shared, ...plan.person];
    for (const s of plan.person) plan.personTemplate[s.col.key] = null;
    return plan;
  }

  // One reporter for every cell: a closure per cell would cost more than parsing the cell. The
  // fields below say where the next problem goes.
  private sinkList: ImportProblem[] = [];
  private sinkRow = 0;
  private sinkLabel = '';
  /** When set, a problem of column sinkOnceId is reported once per household */
  private sinkOnce: Set<string> | null = null;
  private sinkOnceId = '';
  private readonly report = (p: CellProblem): void => {
    if (this.sinkOnce) {
      const k = `${this.sinkOnceId}|${p.rule}`;
      if (this.sinkOnce.has(k)) return;
      this.sinkOnce.add(k);
    }
    this.sinkList.push({ row: this.sinkRow, field: this.sinkLabel, rule: p.rule, severity: 'error', message: p.message });
  };
  private readonly ignore = (): void => undefined;

  private aim(list: ImportProblem[], row: number, label: string, once: Set<string> | null = null, onceId = ''): void {
    this.sinkList = list;
    this.sinkRow = row;
    this.sinkLabel = label;
    this.sinkOnce = once;
    this.sinkOnceId = onceId;
  }

  /** Takes one data row of the sheet. */
  add(row: SheetRow, found: SheetFound): void {
    const plan = (this.plan ??= this.makePlan(found));
    const cells = row.cells;
    // a row with nothing but 序号 (or cells outside the layout) is not a member
    if (!plan.all.some((s) => cells[s.index] !== undefined)) return;
    this.rows += 1;

    // which household
    const rowProblems: ImportProblem[] = [];
    let number: Parsed<string> = null;
    let headIdRaw: Parsed<string> = null;
    if (plan.householdNumber) {
      this.aim(rowProblems, row.number, plan.householdNumber.col.header);
      number = parseText(plan.householdNumber.spec, cells[plan.householdNumber.index], this.report);
    }
    if (plan.headIdNumber) {
      this.aim(rowProblems, row.number, plan.headIdNumber.col.header);
      headIdRaw = parseIdText(plan.headIdNumber.spec, cells[plan.headIdNumber.index], this.report);
    }
    const keyBroken = number === INVALID || headIdRaw === INVALID;
    const headId = typeof headIdRaw === 'string' ? normalizeIdNumber(headIdRaw) : null;
    let group: Group | null = null;
    if (!keyBroken && typeof number === 'string') {
      group = this.byNumber.get(number) ?? null;
      if (!group) {
        group = (headId ? this.byHeadId.get(headId) : undefined) ?? null;
        if (group && !group.key.startsWith('H:')) group = null;
        group ??= this.newGroup(`N:${number}`, row.number, cells, plan);
        this.byNumber.set(number, group);
      }
      if (headId && !this.byHeadId.has(headId)) this.byHeadId.set(headId, group);
    } else if (!keyBroken && headId) {
      group = this.byHeadId.get(headId) ?? this.newGroup(`H:${headId}`, row.number, cells, plan);
      this.byHeadId.set(headId, group);
    } else if (!keyBroken && this.last) {
      group = this.last;
    }
    if (!group) {
      group = this.newGroup(`R:${row.number}`, row.number, cells, plan);
      if (!keyBroken) {
        group.problems.push({
          row: row.number,
          field: plan.headIdNumber?.col.header ?? plan.householdNumber?.col.header ?? '',
          rule: 'IMP-KEY',
          severity: 'error',
          message: '该行没有户编号和户主证件号码，无法确定属于哪一户',
        });
      }
    }
    this.last = keyBroken ? null : group;
    const grp: Group = group;
    for (const p of rowProblems) grp.problems.push(p);

    // the row's year chooses the code tables; merged cells leave it to the household's
    let year = grp.dataYear;
    if (plan.dataYear) {
      const y = parseYear(plan.dataYear.spec, cells[plan.dataYear.index], this.ignore);
      if (typeof y === 'number') year = y;
    }

    // the member
    // every member record has the file's person columns in the same order: cloning a template
    // of that shape allocates each record once, where adding 40 keys one by one regrows it
    const member: FileMember = { row: row.number, record: { ...plan.personTemplate } };
    let printed: Record<string, string> | null = null;
    for (const s of plan.person) {
      const spec = s.spec;
      const cell = cells[s.index];
      if (cell === undefined) {
        member.record[s.col.key] = spec.kind === 'codes' ? [] : null;
        continue;
      }
      this.aim(grp.problems, row.number, spec.label);
      const v = parseField(spec, cell, year, this.ctx, this.report);
      member.record[s.col.key] = v === INVALID || v === null ? (spec.kind === 'codes' ? [] : null) : v;
      if ((spec.kind === 'code' || spec.kind === 'codes') && this.ctx.printed !== null) (printed ??= {})[s.col.key] = this.ctx.printed;
    }
    if (printed) member.record.labelsAsPrinted = printed;
    grp.members.push(member);
    this.persons += 1;
    const isHead = member.record.relationship === '01';
    if (isHead && grp.headRow === null) grp.headRow = row.number;

    // the household's own columns, reported once per household
    let conditionsYear = year;
    if (plan.conditionsYear) {
      const y = parseYear(plan.conditionsYear.spec, cells[plan.conditionsYear.index], this.ignore);
      if (typeof y === 'number') conditionsYear = y;
    }
    const shared = plan.shared;
    for (let i = 0; i < shared.length; i++) {
      const s = shared[i]!;
      const v = cells[s.index];
      if (v === undefined) continue;
      // the household's columns repeat on every member row: a cell equal to the one already
      // read for this household needs no second reading
      const before = grp.raw[i];
      if (before === v || (before instanceof ExcelDate && v instanceof ExcelDate && before.serial === v.serial)) continue;
      grp.raw[i] = v;
      this.aim(grp.problems, row.number, s.spec.label, grp.reported, s.col.id);
      const value = parseField(s.spec, v, s.col.section === 'conditions' ? conditionsYear : year, this.ctx, this.report);
      if (value === INVALID || value === null || (Array.isArray(value) && value.length === 0)) continue;
      const asPrinted = s.col.section === 'household' && (s.spec.kind === 'code' || s.spec.kind === 'codes') ? this.ctx.printed : null;
      this.merge(grp, i, s, value, row.number, isHead, asPrinted);
    }
  }

  private newGroup(key: string, rowNumber: number, cells: (CellValue | undefined)[], plan: Plan): Group {
    let year = this.defaultYear;
    if (plan.dataYear) {
      const y = parseYear(plan.dataYear.spec, cells[plan.dataYear.index], this.ignore);
      if (typeof y === 'number') year = y;
    }
    const group: Group = {
      key,
      firstRow: rowNumber,
      headRow: null,
      dataYear: year,
      values: [],
      raw: [],
      printed: [],
      valueRows: [],
      fromHead: [],
      reported: new Set(),
      members: [],
      problems: [],
    };
    this.groups.push(group);
    return group;
  }

  private merge(group: Group, i: number, slot: Slot, value: unknown, rowNumber: number, isHead: boolean, printed: string | null): void {
    const prev = group.values[i];
    if (prev === undefined) {
      group.values[i] = value;
      group.valueRows[i] = rowNumber;
      group.fromHead[i] = isHead;
      group.printed[i] = printed;
      return;
    }
    if (same(prev, value)) return;
    const takeNew = isHead && !group.fromHead[i];
    const kept = takeNew ? rowNumber : group.valueRows[i]!;
    const k = `${slot.col.id}|conflict`;
    if (!group.reported.has(k)) {
      group.reported.add(k);
      group.problems.push({
        row: rowNumber,
        field: slot.col.header,
        rule: 'IMP-INCONSISTENT',
        severity: 'warning',
        message: `同一户各成员行的「${slot.col.header}」不一致，已采用第 ${kept} 行${takeNew || group.fromHead[i] ? '（户主行）' : ''}的值`,
      });
    }
    if (takeNew) {
      group.values[i] = value;
      group.valueRows[i] = rowNumber;
      group.fromHead[i] = true;
      group.printed[i] = printed;
    }
  }

  /** The households of the file, in the order they first appear. */
  households(): FileHousehold[] {
    const plan = this.plan;
    if (!plan) return [];
    return this.groups.map((g) => {
      const household: Record<string, unknown> = {};
      let conditions: Record<string, unknown> | null = null;
      let income: Record<string, unknown> | null = null;
      let regionCode: string | null = null;
      let townshipName: string | null = null;
      let villageName: string | null = null;
      let printed: Record<string, string> | null = null;
      plan.shared.forEach((s, i) => {
        const v = g.values[i] ?? null;
        switch (s.col.section) {
          case 'household':
            household[s.col.key] = v ?? (s.col.spec?.kind === 'codes' ? [] : null);
            if (s.col.key === 'regionCode') regionCode = v as string | null;
            if (v !== null && g.printed[i]) (printed ??= {})[s.col.key] = g.printed[i]!;
            break;
          case 'conditions':
            if (v !== null) conditions ??= {};
            break;
          case 'income':
            if (v !== null) income ??= {};
            break;
          case 'meta':
            if (s.col.key === 'township') townshipName = v as string | null;
            if (s.col.key === 'village') villageName = v as string | null;
            break;
        }
      });
      // a conditions or income block exists when any of its cells is filled; then every column
      // of it the file has is set, empty ones to null
      plan.shared.forEach((s, i) => {
        const v = g.values[i] ?? null;
        if (s.col.section === 'conditions' && conditions) conditions[s.col.key] = v;
        if (s.col.section === 'income' && income) income[s.col.key] = v;
      });
      if (printed) household.labelsAsPrinted = printed;
      const dataYear = (household.dataYear as number | null | undefined) ?? g.dataYear;
      household.dataYear = dataYear;
      return {
        key: g.key,
        firstRow: g.firstRow,
        headRow: g.headRow,
        dataYear,
        household,
        regionCode,
        townshipName,
        villageName,
        conditions,
        income,
        members: g.members,
        problems: g.problems,
      };
    });
  }
}
