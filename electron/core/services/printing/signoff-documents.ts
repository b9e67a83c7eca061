// Data for the 3342 sign-off sheet of a village and year: the village's exit cases (withdrawn
// ones left out), each with its recorded exit check and stage, and the year's sign-off matrix
// filled from the signatures on record. Signatures are kept per case (workflow_signoffs); the
// sheet shows for each role the names and dates on record and how many households carry them.
import type { Db } from '../../db/connection';
import { maskIdNumber, type MaskingPolicy } from '../../domain/masking';
import { STAGES } from '../../domain/workflow/case-kinds';
import { signoffProgress, type SignatureFacts } from '../../domain/workflow/signoff';
import type { SignoffSheetData } from '../../printing/documents/types';
import { effectiveWorkflowParams } from '../workflow/params';
import { loadVillageFacts } from './village-facts';

interface CaseLine {
  id: string;
  householdId: string;
  outcome: string;
  currentStage: string | null;
  /** The last recorded 退出指标核查: 'pass', 'fail' or null (not run). */
  checkOutcome: string | null;
}

function exitCases(db: Db, village: string, year: number): CaseLine[] {
  return db.$client
    .prepare(
      `SELECT c.id, c.household_id AS householdId, c.outcome, c.current_stage AS currentStage,
              (SELECT s.outcome FROM workflow_steps s WHERE s.case_id = c.id AND s.stage = 'check' AND s.action = 'complete' ORDER BY s.seq DESC LIMIT 1) AS checkOutcome
         FROM workflow_cases c WHERE c.kind = 'exit' AND c.region_code = ? AND c.year = ? AND c.outcome <> 'withdrawn'`,
    )
    .all(village, year) as CaseLine[];
}

function signaturesOf(db: Db, caseIds: readonly string[]): Map<string, SignatureFacts[]> {
  const out = new Map<string, SignatureFacts[]>(caseIds.map((id) => [id, []]));
  const stmt = db.$client.prepare('SELECT level, role, signer_name AS signerName, date FROM workflow_signoffs WHERE case_id = ? ORDER BY date, recorded_at');
  for (const id of caseIds) out.set(id, stmt.all(id) as SignatureFacts[]);
  return out;
}

const STAGE_LABELS = new Map(STAGES.exit.map((s) => [s.code, s.label]));

function stageLabel(c: CaseLine): string {
  if (c.outcome === 'passed') return '已销号';
  if (c.outcome === 'failed') return '未通过';
  return c.currentStage ? `待${STAGE_LABELS.get(c.currentStage) ?? c.currentStage}` : '办理中';
}

const checkLabel = (outcome: string | null): string => (outcome === 'pass' ? '通过' : outcome === 'fail' ? '未通过' : '未核查');

export function signoffSheetData(db: Db, village: string, year: number, policy: MaskingPolicy, today: Date): SignoffSheetData {
  const f = loadVillageFacts(db, village, year, today);
  const byId = new Map(f.households.map((h) => [h.id, h]));
  const cases = exitCases(db, village, year)
    .filter((c) => byId.has(c.householdId))
    .sort((a, b) => {
      const x = byId.get(a.householdId)!;
      const y = byId.get(b.householdId)!;
      return f.groups.indexOf(x.groupName) - f.groups.indexOf(y.groupName) || (x.record.headName ?? '').localeCompare(y.record.headName ?? '', 'zh-CN');
    });
  const matrix = effectiveWorkflowParams(db, year).signoffMatrix;
  const signatures = signaturesOf(db, cases.map((c) => c.id));
  const all = [...signatures.values()].flat();
  const levels = matrix.levels.map((l) => ({
    label: l.label,
    roles: l.roles.map((r) => {
      const signed = all.filter((s) => s.level === l.level && s.role === r.code);
      const dates = signed.map((s) => s.date).sort();
      return {
        label: r.label,
        signers: [...new Set(signed.map((s) => s.signerName))],
        firstDate: dates[0] ?? null,
        lastDate: dates[dates.length - 1] ?? null,
        signed: signed.length,
        of: cases.length,
      };
    }),
  }));
  const complete = cases.length > 0 && cases.every((c) => signoffProgress(matrix, signatures.get(c.id) ?? []).complete);
  return {
    heading: f.heading,
    approved: complete,
    complete,
    levels,
    rows: cases.map((c) => {
      const h = byId.get(c.householdId)!;
      return {
        groupName: h.groupName,
        headName: h.record.headName ?? '',
        idMasked: maskIdNumber(h.record.headIdNumber, policy),
        persons: h.persons,
        perCapitaNet: h.perCapitaNet,
        checkLabel: checkLabel(c.checkOutcome),
        stageLabel: stageLabel(c),
      };
    }),
  };
}
