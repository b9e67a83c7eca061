import type { Station } from '../../electron/core/station';
import { makeIdNumber } from '../../electron/core/domain/registry/id-number';
import { HUISHI_VILLAGE, ok } from './station';

/** A new applicant's identification case (applied 2019-03-04), opened through the router as `token`. */
export function openApplicantCase(station: Station, token: string, regionCode = HUISHI_VILLAGE, headName = '马国福', seq = 31) {
  return ok(
    station,
    'workflow.openIdentification',
    {
      kind: 'identification',
      householdId: null,
      applicant: { regionCode, groupName: '三社', headName, headIdNumber: makeIdNumber('620422', '1968-03-15', seq), phone: null },
      applicationDate: '2019-03-04',
      reason: '家中两人患慢性病，收入低',
      attribute: '1',
      mainCause: '01',
    },
    token,
  );
}
