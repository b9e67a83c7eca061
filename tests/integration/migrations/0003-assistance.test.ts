import { describe, it, expect } from 'vitest';
import { databaseBefore } from './helpers';

describe('migration 0003_assistance', () => {
  it('adds units, cadres, teams, pairings and the three books beside the registry, leaving its rows alone', () => {
    const { db, applyIt, tables } = databaseBefore('0003_assistance');
    db.prepare("INSERT INTO households (id, region_code, record, created_at, updated_at) VALUES ('h1', '620422100201', '{\"headName\":\"张三\"}', 'n', 'n')").run();
    db.prepare("INSERT INTO change_log (at, table_name, row_id, op, row, audit_seq) VALUES ('n', 'households', 'h1', 'insert', '{}', 1)").run();

    expect(applyIt().applied).toEqual(['0003_assistance']);
    expect(db.prepare('SELECT head_name FROM households').get()).toEqual({ head_name: '张三' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM change_log').get()).toEqual({ n: 1 });
    expect(tables()).toEqual(
      expect.arrayContaining([
        'assistance_units',
        'assistance_unit_villages',
        'assistance_cadres',
        'assistance_teams',
        'assistance_team_members',
        'assistance_pairings',
        'assistance_plans',
        'assistance_measures',
        'assistance_ledger',
      ]),
    );

    db.prepare("INSERT INTO assistance_units (id, region_code, name, affiliation, created_at, updated_at) VALUES ('u1', '620422000000', '会宁县教育局', '04', 'n', 'n')").run();
    expect(() => db.prepare("INSERT INTO assistance_units (id, region_code, name, affiliation, created_at, updated_at) VALUES ('u2', '620422000000', '会宁县教育局', '04', 'n', 'n')").run()).toThrow(/UNIQUE/);
    const cadre = db.prepare(
      "INSERT INTO assistance_cadres (id, region_code, unit_id, name, id_number, phone, rank, created_at, updated_at) VALUES (?, '620422000000', ?, '刘建军', ?, '13909430001', '04', 'n', 'n')",
    );
    cadre.run('c1', 'u1', '620422198001011234');
    // a cadre needs a unit, and is registered once per ID number
    expect(() => cadre.run('c2', 'nowhere', '620422198001015678')).toThrow(/FOREIGN KEY/);
    expect(() => cadre.run('c3', 'u1', '620422198001011234')).toThrow(/UNIQUE/);

    db.prepare("INSERT INTO assistance_pairings (id, cadre_id, household_id, from_date, created_at) VALUES ('p1', 'c1', 'h1', '2016-01-01', 'n')").run();
    expect(() => db.prepare("INSERT INTO assistance_pairings (id, cadre_id, household_id, from_date, created_at) VALUES ('p2', 'c1', 'nobody', '2016-01-01', 'n')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO assistance_plans (id, household_id, year, indicators, updated_at) VALUES ('pl1', 'h1', 2018, '[]', 'n')").run();
    expect(() => db.prepare("INSERT INTO assistance_plans (id, household_id, year, indicators, updated_at) VALUES ('pl2', 'h1', 2018, '[]', 'n')").run()).toThrow(/UNIQUE/);

    db.prepare("INSERT INTO assistance_teams (id, region_code, name, from_date, created_at, updated_at) VALUES ('t1', '620422100201', '郭城村驻村工作队', '2015-03-01', 'n', 'n')").run();
    db.prepare("INSERT INTO assistance_team_members (id, team_id, cadre_id, role, from_date, days_in_village) VALUES ('m1', 't1', 'c1', 'leader', '2015-03-01', '{}')").run();
    expect(db.prepare('SELECT is_first_secretary, sort_order FROM assistance_team_members').get()).toEqual({ is_first_secretary: 0, sort_order: 0 });
    db.prepare("INSERT INTO assistance_ledger (id, household_id, cadre_id, date, kind, content, recorded_by, created_at) VALUES ('l1', 'h1', 'c1', '2018-05-02', 'visit', '入户走访', 'admin', 'n')").run();
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM assistance_ledger WHERE household_id = 'h1' ORDER BY date").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/assistance_ledger_household/);
  });
});
