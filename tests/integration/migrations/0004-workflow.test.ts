import { describe, it, expect } from 'vitest';
import { databaseBefore } from './helpers';

describe('migration 0004_workflow', () => {
  it('adds the workflow logs beside the registry, leaving households and their events alone', () => {
    const { db, applyIt, tables } = databaseBefore('0004_workflow');
    db.prepare("INSERT INTO households (id, region_code, record, created_at, updated_at) VALUES ('h1', '620422100201', '{\"headName\":\"张三\"}', 'n', 'n')").run();
    db.prepare("INSERT INTO household_events (id, household_id, type, date, year, recorded_by, recorded_at) VALUES ('e1', 'h1', 'identified', '2014-05-01', 2014, 'admin', 'n')").run();

    expect(applyIt().applied).toEqual(['0004_workflow']);
    expect(db.prepare('SELECT head_name FROM households').get()).toEqual({ head_name: '张三' });
    expect(db.prepare('SELECT type FROM household_events').get()).toEqual({ type: 'identified' });
    expect(tables()).toEqual(
      expect.arrayContaining(['exit_cohorts', 'monitoring_objects', 'workflow_cases', 'workflow_steps', 'workflow_notices', 'workflow_objections', 'workflow_signoffs', 'workflow_params', 'year_closes', 'year_close_statuses']),
    );

    // A case needs its household; a new case is open.
    expect(() =>
      db.prepare("INSERT INTO workflow_cases (id, kind, household_id, region_code, year, data, opened_by, opened_at, updated_at) VALUES ('c0', 'exit', 'nobody', 'r', 2019, '{}', 'a', 'n', 'n')").run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO exit_cohorts (id, year, region_code, name, created_by, created_at) VALUES ('k1', 2019, '620422000000', '2019年退出', 'a', 'n')").run();
    expect(() => db.prepare("INSERT INTO exit_cohorts (id, year, region_code, name, created_by, created_at) VALUES ('k2', 2019, '620422000000', 'x', 'a', 'n')").run()).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO workflow_cases (id, kind, household_id, region_code, year, cohort_id, data, opened_by, opened_at, updated_at) VALUES ('c1', 'exit', 'h1', '620422100201', 2019, 'k1', '{}', 'a', 'n', 'n')").run();
    expect(db.prepare('SELECT outcome, current_stage FROM workflow_cases').get()).toEqual({ outcome: 'open', current_stage: null });

    // The step log is ordered per case; a role signs once.
    const step = db.prepare("INSERT INTO workflow_steps (id, case_id, seq, stage, action, outcome, date, recorded_by, recorded_at) VALUES (?, 'c1', ?, 'check', 'complete', 'pass', '2019-10-01', 'a', 'n')");
    step.run('s1', 1);
    expect(() => step.run('s2', 1)).toThrow(/UNIQUE/);
    const sign = db.prepare("INSERT INTO workflow_signoffs (id, case_id, level, role, role_label, signer_name, date, recorded_by, recorded_at) VALUES (?, 'c1', 'village', 'helper', '帮扶责任人', '李某', '2019-11-01', 'a', 'n')");
    sign.run('g1');
    expect(() => sign.run('g2')).toThrow(/UNIQUE/);

    // An objection belongs to a notice of the same case.
    expect(() =>
      db.prepare("INSERT INTO workflow_objections (id, case_id, notice_id, received_date, channel, complainant, content, concerns_stage, recorded_by, recorded_at) VALUES ('o1', 'c1', 'none', 'd', 'visit', 'x', 'y', 'review', 'a', 'n')").run(),
    ).toThrow(/FOREIGN KEY/);

    // Closed-year statuses hang on their close.
    expect(() => db.prepare("INSERT INTO year_close_statuses (id, year, household_id, region_code, status, persons) VALUES ('2019:h1', 2019, 'h1', 'r', 'poor', 4)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO year_closes (year, region_code, figures, household_count, closed_by, closed_at) VALUES (2019, '620422000000', '{}', 1, 'a', 'n')").run();
    db.prepare("INSERT INTO year_close_statuses (id, year, household_id, region_code, status, persons) VALUES ('2019:h1', 2019, 'h1', 'r', 'poor', 4)").run();
    expect(db.prepare('SELECT returned FROM year_close_statuses').get()).toEqual({ returned: 0 });
  });
});
