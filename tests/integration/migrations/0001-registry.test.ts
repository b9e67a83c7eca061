import { describe, it, expect } from 'vitest';
import { databaseBefore } from './helpers';

describe('migration 0001_registry', () => {
  it('adds the registry beside existing data and exposes the JSON fields as indexed columns', () => {
    const { db, applyIt, tables } = databaseBefore('0001_registry');
    // seeded rows of the previous schema survive
    db.prepare("INSERT INTO users (id, username, display_name, role, scope_code, password_hash, created_at) VALUES ('u1', 'admin', '管理员', 'admin', '620422000000', 'x', 'now')").run();
    db.prepare("INSERT INTO regions (code, name, level, parent_code) VALUES ('620422100201', '某村', 'village', '620422100000')").run();
    expect(applyIt().applied).toEqual(['0001_registry']);
    expect(db.prepare('SELECT username FROM users').all()).toEqual([{ username: 'admin' }]);
    expect(tables()).toEqual(expect.arrayContaining(['villages', 'village_groups', 'households', 'persons', 'memberships', 'conditions', 'incomes', 'benefits', 'household_events', 'quality_findings', 'code_overrides', 'year_params']));

    const record = JSON.stringify({ headName: '张三', headIdNumber: '62042219750412001X', householdNumber: '6204220001', attribute: '1', mainCause: '01', exitStatus: '0', dataYear: 2020, groupName: '一社' });
    db.prepare("INSERT INTO households (id, region_code, record, created_at, updated_at) VALUES ('h1', '620422100201', ?, 'n', 'n')").run(record);
    expect(db.prepare('SELECT head_name, head_id_number, main_cause, data_year FROM households').get()).toEqual({ head_name: '张三', head_id_number: '62042219750412001X', main_cause: '01', data_year: 2020 });
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM households WHERE head_id_number = '62042219750412001X'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/households_head_id/);
    // a membership must point at real rows; one conditions row per household and year
    expect(() => db.prepare("INSERT INTO memberships (id, household_id, person_id, from_date) VALUES ('m', 'h1', 'nobody', '2020-01-01')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO conditions (id, household_id, year, record) VALUES ('c1', 'h1', 2020, '{}')").run();
    expect(() => db.prepare("INSERT INTO conditions (id, household_id, year, record) VALUES ('c2', 'h1', 2020, '{}')").run()).toThrow(/UNIQUE/);
  });
});
