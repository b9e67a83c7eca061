// Which region a workflow record belongs to, for the router's scope check ('case:…', 'cohort:…',
// 'monitoring:…', 'attachment:…'). A cohort covers the region it was made for; the rest follow the household's village.
import type { Db } from '../../db/connection';

const QUERIES: Record<string, string> = {
  case: 'SELECT region_code AS r FROM workflow_cases WHERE id = ?',
  cohort: 'SELECT region_code AS r FROM exit_cohorts WHERE id = ?',
  monitoring: 'SELECT region_code AS r FROM monitoring_objects WHERE id = ?',
  // a step's photo is as visible as its case
  attachment: 'SELECT c.region_code AS r FROM attachments a JOIN workflow_cases c ON c.id = a.case_id WHERE a.id = ?',
};

export function workflowRegion(db: Db, ref: string): string | undefined {
  const at = ref.indexOf(':');
  const sql = at > 0 ? QUERIES[ref.slice(0, at)] : undefined;
  if (!sql) return undefined;
  return (db.$client.prepare(sql).get(ref.slice(at + 1)) as { r: string } | undefined)?.r;
}
