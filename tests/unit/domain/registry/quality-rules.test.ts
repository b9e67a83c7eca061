import { describe, expect, it } from 'vitest';
import { DEFAULT_CODE_TABLES } from '../../../../electron/core/domain/registry/code-tables';
import { idCheckChar, makeIdNumber } from '../../../../electron/core/domain/registry/id-number';
import {
  hasBlockingFindings,
  QUALITY_RULES,
  ruleByCode,
  runQualityRules,
} from '../../../../electron/core/domain/registry/quality/index';
import type { Finding, QualityContext } from '../../../../electron/core/domain/registry/quality/types';
import { AREA, cleanContext, DAUGHTER, HEAD, mutate, SON, SPOUSE } from './fixtures';

const codesOf = (findings: readonly Finding[]): string[] => [...new Set(findings.map((f) => f.ruleCode))].sort();
const exited = (ctx: QualityContext): void => {
  ctx.household.exitStatus = '1';
};

interface FailCase {
  code: string;
  name: string;
  ctx: QualityContext;
  /** Other rules the same change rightly trips */
  alsoFires?: string[];
  /** Expected location of the rule's first finding */
  at?: { entity: Finding['entity']; field: string; personIndex?: number };
}

const head18 = makeIdNumber(AREA, '1970-03-15', '011');
const wrongCheck = (id: string): string => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
const first17Bad = '62042219700230011'; // 30 February

const FAIL_CASES: FailCase[] = [
  { code: 'Q-ID-01', name: '17-character number', ctx: mutate((c) => void (c.members[SON]!.idNumber = '62042220050901031')), at: { entity: 'person', field: 'idNumber', personIndex: SON } },
  { code: 'Q-ID-01', name: 'letter inside the number', ctx: mutate((c) => void (c.members[SON]!.idNumber = '6204222005A9010310')) },
  { code: 'Q-ID-02', name: '15-digit number of the head', ctx: mutate((c) => void (c.members[HEAD]!.idNumber = '620422700315011')), at: { entity: 'person', field: 'idNumber', personIndex: HEAD } },
  { code: 'Q-ID-03', name: 'wrong check character', ctx: mutate((c) => void (c.members[SPOUSE]!.idNumber = wrongCheck(c.members[SPOUSE]!.idNumber!))) },
  { code: 'Q-ID-04', name: '残疾人证 with a bad 18-digit part', ctx: mutate((c) => void (c.members[SON]!.idNumber = wrongCheck(c.members[SON]!.idNumber!) + '42')) },
  { code: 'Q-ID-04', name: '残疾人证 with a non-digit suffix', ctx: mutate((c) => void (c.members[SON]!.idNumber = c.members[SON]!.idNumber! + '4X')) },
  {
    code: 'Q-ID-05',
    name: 'birth date 30 February',
    ctx: mutate((c) => void (c.members[HEAD]!.idNumber = first17Bad + idCheckChar(first17Bad))),
    // The head's number no longer matches the household part, which is also reported.
    alsoFires: ['Q-ID-07'],
  },
  {
    code: 'Q-ID-05',
    name: 'unknown province code',
    ctx: mutate((c) => void (c.members[SON]!.idNumber = '99' + c.members[SON]!.idNumber!.slice(2, 17) + idCheckChar('99' + c.members[SON]!.idNumber!.slice(2, 17)))),
  },
  { code: 'Q-ID-06', name: 'empty ID number', ctx: mutate((c) => void (c.members[DAUGHTER]!.idNumber = null)) },
  { code: 'Q-ID-07', name: 'head ID differs from the 户主 row', ctx: mutate((c) => void (c.household.headIdNumber = makeIdNumber(AREA, '1970-03-15', '013'))), at: { entity: 'household', field: 'headIdNumber' } },
  { code: 'Q-ID-07', name: 'head name differs from the 户主 row', ctx: mutate((c) => void (c.household.headName = '张建民')), at: { entity: 'household', field: 'headName' } },
  {
    code: 'Q-ID-08',
    name: 'same ID twice in the household',
    ctx: mutate((c) => void (c.members[DAUGHTER]!.idNumber = c.members[SON]!.idNumber)),
    // The copied number is a boy's, so the daughter's sex and relationship now disagree with it.
    alsoFires: ['Q-ID-09', 'Q-REL-05'],
    at: { entity: 'person', field: 'idNumber', personIndex: DAUGHTER },
  },
  { code: 'Q-ID-09', name: 'recorded sex contradicts the ID', ctx: mutate((c) => void (c.members[HEAD]!.sex = '2')), at: { entity: 'person', field: 'sex', personIndex: HEAD } },

  { code: 'Q-REL-01', name: 'no 户主', ctx: mutate((c) => void (c.members[HEAD]!.relationship = '99')), at: { entity: 'household', field: 'relationship' } },
  { code: 'Q-REL-02', name: 'two 户主', ctx: mutate((c) => void (c.members[SON]!.relationship = '01')), at: { entity: 'person', field: 'relationship', personIndex: SON } },
  { code: 'Q-REL-03', name: 'two 配偶', ctx: mutate((c) => void (c.members[DAUGHTER]!.relationship = '02')), at: { entity: 'person', field: 'relationship', personIndex: DAUGHTER } },
  {
    code: 'Q-REL-04',
    name: '配偶 of the same sex as the 户主',
    ctx: mutate((c) => {
      c.members[SPOUSE]!.idNumber = makeIdNumber(AREA, '1972-06-01', '021');
      c.members[SPOUSE]!.sex = '1';
    }),
    at: { entity: 'person', field: 'sex', personIndex: SPOUSE },
  },
  { code: 'Q-REL-05', name: '之女 who is male', ctx: mutate((c) => void (c.members[SON]!.relationship = '04')), at: { entity: 'person', field: 'relationship', personIndex: SON } },
  { code: 'Q-REL-06', name: 'size 5 for 4 members', ctx: mutate((c) => void (c.household.householdSize = 5)), at: { entity: 'household', field: 'householdSize' } },
  {
    code: 'Q-REL-07',
    name: '空挂户',
    ctx: mutate((c) => void c.members.splice(0)),
    alsoFires: ['Q-REL-06', 'Q-LAB-02', 'Q-CAU-02', 'Q-INC-03'],
    at: { entity: 'household', field: 'members' },
  },

  { code: 'Q-KEY-01', name: 'no 民族', ctx: mutate((c) => void (c.members[HEAD]!.ethnicity = null)) },
  { code: 'Q-KEY-02', name: 'no 健康状况', ctx: mutate((c) => void (c.members[HEAD]!.health = [])) },
  { code: 'Q-KEY-03', name: 'adult without 劳动能力', ctx: mutate((c) => void (c.members[HEAD]!.labourSkill = null)), alsoFires: ['Q-LAB-02'] },
  { code: 'Q-KEY-04', name: 'disabled child without certificate', ctx: mutate((c) => void (c.members[SON]!.health = ['04'])), at: { entity: 'person', field: 'hasDisabilityCertificate', personIndex: SON } },
  { code: 'Q-KEY-05', name: 'no 主要致贫原因', ctx: mutate((c) => void (c.household.mainCause = null)) },
  { code: 'Q-KEY-06', name: 'no 入户路类型', ctx: mutate((c) => void (c.conditions!.roadType = null)), at: { entity: 'conditions', field: 'roadType' } },
  { code: 'Q-KEY-06', name: 'no conditions at all', ctx: mutate((c) => void (c.conditions = null)) },
  { code: 'Q-KEY-06', name: '危房 without a grade', ctx: mutate((c) => void (c.conditions!.isDilapidated = true)), at: { entity: 'conditions', field: 'dilapidationGrade' } },
  { code: 'Q-KEY-07', name: '10-digit phone', ctx: mutate((c) => void (c.household.phone = '1380000000')) },
  { code: 'Q-KEY-07', name: 'no phone', ctx: mutate((c) => void (c.household.phone = null)) },
  { code: 'Q-KEY-08', name: 'no 贫困户属性', ctx: mutate((c) => void (c.household.attribute = null)) },
  { code: 'Q-KEY-09', name: 'no 与户主关系', ctx: mutate((c) => void (c.members[DAUGHTER]!.relationship = null)) },

  { code: 'Q-CODE-01', name: 'unknown 民族 code', ctx: mutate((c) => void (c.members[HEAD]!.ethnicity = '88')), at: { entity: 'person', field: 'ethnicity', personIndex: HEAD } },
  { code: 'Q-CODE-01', name: '2019 relationship code in 2018 data', ctx: mutate((c) => void (c.members[SON]!.relationship = '24')) },

  { code: 'Q-CAU-01', name: 'main cause repeated', ctx: mutate((c) => void (c.household.otherCauses = ['01', '07'])) },
  { code: 'Q-CAU-02', name: '因病 with everyone healthy', ctx: mutate((c) => void (c.members[SPOUSE]!.health = ['01'])) },
  {
    code: 'Q-CAU-03',
    name: '因学 without a student',
    ctx: mutate((c) => {
      c.household.mainCause = '03';
      for (const i of [SON, DAUGHTER]) {
        c.members[i]!.studentStatus = '01';
        c.members[i]!.education = '02';
      }
    }),
  },
  { code: 'Q-CAU-04', name: '因残 without a disabled member', ctx: mutate((c) => void (c.household.mainCause = '02')) },

  { code: 'Q-DB-01', name: '低保贫困户 without 低保', ctx: mutate((c) => void (c.household.attribute = '2')) },
  { code: 'Q-DB-02', name: '一般贫困户 with a 低保 member', ctx: mutate((c) => void (c.members[SPOUSE]!.receivesDibao = true)) },
  { code: 'Q-DB-02', name: '一般贫困户 with 五保金', ctx: mutate((c) => void (c.income!.wubaoIncome = 3000)) },
  { code: 'Q-DB-03', name: '特困 household with labourers and no 五保金', ctx: mutate((c) => void (c.household.attribute = '3')) },
  {
    code: 'Q-DB-04',
    name: 'one person on 低保 and 五保',
    ctx: mutate((c) => {
      c.members[HEAD]!.receivesDibao = true;
      c.members[HEAD]!.receivesWubao = true;
    }),
    alsoFires: ['Q-DB-02'],
  },

  { code: 'Q-LAB-01', name: 'healthy 48-year-old without labour capacity', ctx: mutate((c) => void (c.members[HEAD]!.labourSkill = '04')), alsoFires: ['Q-LAB-02', 'Q-MIG-03'] },
  { code: 'Q-LAB-02', name: 'recorded 3 labourers, derived 2', ctx: mutate((c) => void (c.household.labourerCount = 3)), at: { entity: 'household', field: 'labourerCount' } },

  { code: 'Q-INC-01', name: 'production income without expense', ctx: mutate((c) => void (c.income!.productionExpense = 0)), at: { entity: 'income', field: 'productionExpense' } },
  { code: 'Q-INC-02', name: 'no income record', ctx: mutate((c) => void (c.income = null)), alsoFires: ['Q-INC-04'] },
  { code: 'Q-INC-02', name: 'negative per-capita income', ctx: mutate((c) => void (c.income!.productionExpense = 50000)) },
  { code: 'Q-INC-02', name: 'per-capita income above 100 000', ctx: mutate((c) => void (c.income!.wageIncome = 500000)) },
  {
    code: 'Q-INC-03',
    name: 'wages without a worker',
    ctx: mutate((c) => {
      c.members[HEAD]!.migrantMonths = null;
      c.members[HEAD]!.migrantPlace = null;
    }),
  },
  { code: 'Q-INC-04', name: 'worker without wages', ctx: mutate((c) => void (c.income!.wageIncome = 0)) },
  { code: 'Q-INC-05', name: 'negative 养老保险金', ctx: mutate((c) => void (c.income!.pensionIncome = -5)), at: { entity: 'income', field: 'pensionIncome' } },
  { code: 'Q-INC-06', name: 'recorded per capita 10 yuan off', ctx: mutate((c) => void (c.income!.recordedPerCapitaNetIncome = 6410)) },

  { code: 'Q-MIG-01', name: '13 months away', ctx: mutate((c) => void (c.members[HEAD]!.migrantMonths = 13)) },
  { code: 'Q-MIG-02', name: 'months without a place', ctx: mutate((c) => void (c.members[HEAD]!.migrantPlace = null)), at: { entity: 'person', field: 'migrantPlace', personIndex: HEAD } },
  {
    code: 'Q-MIG-02',
    name: 'place without months',
    ctx: mutate((c) => {
      c.members[SPOUSE]!.migrantPlace = '兰州';
      c.members[SPOUSE]!.migrantMonths = 0;
    }),
  },
  {
    code: 'Q-MIG-03',
    name: 'person who lost labour capacity works away',
    ctx: mutate((c) => {
      c.members[SPOUSE]!.labourSkill = '03';
      c.members[SPOUSE]!.migrantMonths = 3;
      c.members[SPOUSE]!.migrantPlace = '兰州';
    }),
    alsoFires: ['Q-LAB-02'],
  },

  { code: 'Q-LOG-01', name: '62.5 亩 farmland per person', ctx: mutate((c) => void (c.conditions!.farmlandArea = 250)) },
  { code: 'Q-LOG-02', name: '75 亩 forest per person', ctx: mutate((c) => void (c.conditions!.forestArea = 300)) },
  { code: 'Q-LOG-03', name: '60 km from the road', ctx: mutate((c) => void (c.conditions!.distanceToMainRoadKm = 60)) },
  { code: 'Q-LOG-04', name: 'negative housing area', ctx: mutate((c) => void (c.conditions!.housingArea = -1)) },
  { code: 'Q-LOG-05', name: 'more irrigated than farmland', ctx: mutate((c) => void (c.conditions!.irrigatedArea = 20)) },

  { code: 'Q-EDU-01', name: 'student with an education level', ctx: mutate((c) => void (c.members[SON]!.education = '02')) },
  { code: 'Q-EDU-02', name: 'adult with neither', ctx: mutate((c) => void (c.members[HEAD]!.education = null)) },
  { code: 'Q-EDU-03', name: '13-year-old with neither', ctx: mutate((c) => void (c.members[SON]!.studentStatus = null)), at: { entity: 'person', field: 'studentStatus', personIndex: SON } },
  { code: 'Q-EDU-04', name: '13-year-old in 高中', ctx: mutate((c) => void (c.members[SON]!.studentStatus = '07')) },
  {
    code: 'Q-EDU-05',
    name: '48-year-old in 小学',
    ctx: mutate((c) => {
      c.members[HEAD]!.education = null;
      c.members[HEAD]!.studentStatus = '03';
    }),
  },

  { code: 'Q-MED-01', name: 'neither medical insurance', ctx: mutate((c) => void (c.members[HEAD]!.hasRuralMedicalInsurance = false)) },
  { code: 'Q-MED-01', name: 'both medical insurances', ctx: mutate((c) => void (c.members[HEAD]!.hasEmployeeMedicalInsurance = true)) },
  { code: 'Q-MED-02', name: 'no 大病保险', ctx: mutate((c) => void (c.members[SON]!.hasCriticalIllnessInsurance = null)) },

  {
    code: 'Q-EXIT-01',
    name: 'exited with 1 650 yuan per person',
    ctx: mutate((c) => {
      exited(c);
      c.income!.wageIncome = 1000;
    }),
  },
  {
    code: 'Q-EXIT-02',
    name: 'exited with a 13-year-old out of school',
    ctx: mutate((c) => {
      exited(c);
      c.members[SON]!.studentStatus = '01';
      c.members[SON]!.education = '02';
    }),
  },
  {
    code: 'Q-EXIT-03',
    name: 'exited in a D-grade house',
    ctx: mutate((c) => {
      exited(c);
      c.conditions!.isDilapidated = true;
      c.conditions!.dilapidationGrade = '03';
    }),
  },
  {
    code: 'Q-EXIT-04',
    name: 'exited without safe water',
    ctx: mutate((c) => {
      exited(c);
      c.conditions!.waterSafe = false;
    }),
  },
  {
    code: 'Q-EXIT-05',
    name: 'exited 因病 household, sick member without 大病保险',
    ctx: mutate((c) => {
      exited(c);
      c.members[SPOUSE]!.hasCriticalIllnessInsurance = false;
    }),
    alsoFires: ['Q-MED-02'],
  },
  {
    code: 'Q-EXIT-06',
    name: 'exited with housing area 0',
    ctx: mutate((c) => {
      exited(c);
      c.conditions!.housingArea = 0;
    }),
  },

  { code: 'Q-HLP-01', name: 'no helper', ctx: mutate((c) => void (c.helpers = { count: 0 })) },
  { code: 'Q-HLP-02', name: 'helper is a poor person', ctx: mutate((c) => void (c.isHelperPoorPerson = true)) },
];

/** Variants that must NOT trip the named rule (besides the clean household itself). */
const PASS_CASES: { code: string; name: string; ctx: QualityContext }[] = [
  { code: 'Q-ID-02', name: 'upgraded 18-digit number', ctx: mutate((c) => void (c.members[HEAD]!.idNumber = head18)) },
  { code: 'Q-ID-03', name: 'lower-case x check character', ctx: mutate((c) => void (c.members[HEAD]!.idNumber = '11010519491231002x')) },
  { code: 'Q-ID-04', name: 'valid 20-char 残疾人证', ctx: mutate((c) => void (c.members[SON]!.idNumber = c.members[SON]!.idNumber! + '42')) },
  { code: 'Q-ID-04', name: 'valid 22-char reissued 残疾人证', ctx: mutate((c) => void (c.members[SON]!.idNumber = c.members[SON]!.idNumber! + '42B1')) },
  { code: 'Q-ID-07', name: 'head ID in its 15-digit form on the household part', ctx: mutate((c) => void (c.household.headIdNumber = '620422700315011')) },
  { code: 'Q-REL-01', name: '“本人或户主” resolved to 01 is a head', ctx: cleanContext() },
  { code: 'Q-REL-06', name: 'a member who died is not counted', ctx: mutate((c) => void c.members.push({ ...c.members[HEAD]!, relationship: '11', changeReason: '01', idNumber: makeIdNumber(AREA, '1940-01-01', '015') })) },
  { code: 'Q-KEY-03', name: 'child without 劳动能力', ctx: mutate((c) => void (c.members[SON]!.labourSkill = null)) },
  { code: 'Q-KEY-04', name: 'disabled child with certificate', ctx: mutate((c) => ((c.members[SON]!.health = ['04']), (c.members[SON]!.hasDisabilityCertificate = true))) },
  { code: 'Q-KEY-04', name: 'disabled child identified by a 残疾人证', ctx: mutate((c) => ((c.members[SON]!.health = ['04']), (c.members[SON]!.idType = '09'))) },
  { code: 'Q-KEY-06', name: '2016 record without the 2017 fields', ctx: mutate((c) => ((c.conditions!.hasRadioTv = null), (c.conditions!.ledByEnterprise = null)), 2016) },
  { code: 'Q-KEY-07', name: 'phone with a dash', ctx: mutate((c) => void (c.household.phone = '138-0000-0000')) },
  { code: 'Q-CAU-03', name: '因学 with students', ctx: mutate((c) => void (c.household.mainCause = '03')) },
  { code: 'Q-CAU-04', name: '因残 with a disabled member', ctx: mutate((c) => ((c.household.mainCause = '02'), (c.members[SPOUSE]!.health = ['02', '04']))) },
  {
    code: 'Q-DB-01',
    name: '低保贫困户 with a 低保 member and 低保金',
    ctx: mutate((c) => ((c.household.attribute = '2'), (c.members[SPOUSE]!.receivesDibao = true), (c.income!.dibaoIncome = 2808))),
  },
  {
    code: 'Q-DB-03',
    name: '特困 household of an old man with 五保金',
    ctx: mutate((c) => {
      c.household.attribute = '3';
      c.members.splice(1);
      c.members[HEAD] = { ...c.members[HEAD]!, idNumber: makeIdNumber(AREA, '1940-01-01', '015'), birthDate: '1940-01-01', labourSkill: '04' };
      c.income!.wubaoIncome = 4000;
    }),
  },
  { code: 'Q-LAB-01', name: 'seriously ill adult without labour capacity', ctx: mutate((c) => ((c.members[SPOUSE]!.labourSkill = '03'), (c.members[SPOUSE]!.health = ['03']))) },
  { code: 'Q-LAB-01', name: '62-year-old without labour capacity', ctx: mutate((c) => ((c.members[HEAD]!.idNumber = makeIdNumber(AREA, '1956-01-01', '011')), (c.members[HEAD]!.labourSkill = '04'))) },
  { code: 'Q-MIG-02', name: '2016 record with 务工状况 instead of a place', ctx: mutate((c) => ((c.members[HEAD]!.migrantPlace = null), (c.members[HEAD]!.migrantStatus = '04')), 2016) },
  { code: 'Q-INC-04', name: '公益性岗位 counted as a wage earner only with wages', ctx: cleanContext() },
  { code: 'Q-INC-06', name: 'recorded per capita within 1 yuan', ctx: mutate((c) => void (c.income!.recordedPerCapitaNetIncome = 6400.5)) },
  { code: 'Q-LOG-01', name: 'exactly 50 亩 per person', ctx: mutate((c) => void (c.conditions!.farmlandArea = 200)) },
  { code: 'Q-EDU-01', name: '非在校生 with an education level (2014–2018 value meaning "not a student")', ctx: mutate((c) => ((c.members[HEAD]!.studentStatus = '01'))) },
  { code: 'Q-EDU-03', name: '6–23 with an education level and no status', ctx: mutate((c) => ((c.members[SON]!.studentStatus = null), (c.members[SON]!.education = '02'))) },
  { code: 'Q-MED-01', name: 'serving soldier', ctx: mutate((c) => ((c.members[SON]!.hasRuralMedicalInsurance = false), (c.members[SON]!.isActiveMilitary = true))) },
  { code: 'Q-MED-02', name: 'serving soldier', ctx: mutate((c) => ((c.members[SON]!.hasCriticalIllnessInsurance = false), (c.members[SON]!.isActiveMilitary = true))) },
  { code: 'Q-EXIT-01', name: 'not exited household with low income', ctx: mutate((c) => void (c.income!.wageIncome = 1000)) },
  { code: 'Q-EXIT-02', name: 'exited, out-of-school child is disabled (送教上门)', ctx: mutate((c) => { exited(c); c.members[SON]!.studentStatus = '01'; c.members[SON]!.education = '02'; c.members[SON]!.health = ['04']; c.members[SON]!.hasDisabilityCertificate = true; }) },
  { code: 'Q-EXIT-02', name: 'exited, 6-year-old in 学前教育', ctx: mutate((c) => { exited(c); c.members[DAUGHTER]!.studentStatus = '02'; }) },
  { code: 'Q-EXIT-03', name: 'not exited household in a 危房', ctx: mutate((c) => ((c.conditions!.isDilapidated = true), (c.conditions!.dilapidationGrade = '03'))) },
  { code: 'Q-EXIT-05', name: 'exited but not 因病', ctx: mutate((c) => { exited(c); c.household.mainCause = '07'; c.household.otherCauses = []; c.members[SPOUSE]!.hasCriticalIllnessInsurance = false; }) },
  { code: 'Q-HLP-01', name: 'helper count unknown', ctx: mutate((c) => void delete c.helpers) },
];

describe('the quality catalogue', () => {
  it('has unique codes, Chinese titles and severities', () => {
    const codes = QUALITY_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of QUALITY_RULES) {
      expect(r.code).toMatch(/^Q-[A-Z]+-\d{2}$/);
      expect(r.title).toMatch(/[\u4e00-\u9fff]/);
      expect(['error', 'warning']).toContain(r.severity);
      expect(r.catalogueItem).toBeGreaterThanOrEqual(1);
      expect(r.catalogueItem).toBeLessThanOrEqual(11);
    }
  });

  it('blocks only on truly invalid data', () => {
    const errors = QUALITY_RULES.filter((r) => r.severity === 'error').map((r) => r.code).sort();
    expect(errors).toEqual(
      ['Q-ID-01', 'Q-ID-03', 'Q-ID-04', 'Q-ID-05', 'Q-ID-08', 'Q-INC-05', 'Q-LOG-04', 'Q-MIG-01', 'Q-REL-01', 'Q-REL-02', 'Q-REL-03', 'Q-REL-07'].sort(),
    );
  });

  it('has a failing case for every rule', () => {
    const covered = new Set(FAIL_CASES.map((c) => c.code));
    expect(QUALITY_RULES.map((r) => r.code).filter((code) => !covered.has(code))).toEqual([]);
  });

  it('finds nothing in a clean household, not exited and exited, 2016, 2018 and 2019', () => {
    expect(runQualityRules(cleanContext())).toEqual([]);
    expect(runQualityRules(mutate(exited))).toEqual([]);
    expect(runQualityRules(cleanContext(2019))).toEqual([]);
    expect(runQualityRules(mutate(() => {}, 2016))).toEqual([]);
  });

  it('runs a subset when given one', () => {
    const ctx = mutate((c) => ((c.household.phone = null), (c.household.mainCause = null)));
    expect(codesOf(runQualityRules(ctx, [ruleByCode('Q-KEY-07')!]))).toEqual(['Q-KEY-07']);
  });

  it('says whether findings block export', () => {
    expect(hasBlockingFindings(runQualityRules(mutate((c) => void (c.members[HEAD]!.relationship = '99'))))).toBe(true);
    expect(hasBlockingFindings(runQualityRules(mutate((c) => void (c.household.phone = null))))).toBe(false);
  });
});

describe.each(FAIL_CASES)('$code fails: $name', (fc) => {
  it('is found, with nothing unexpected alongside', () => {
    const findings = runQualityRules(fc.ctx);
    expect(codesOf(findings)).toEqual([...new Set([fc.code, ...(fc.alsoFires ?? [])])].sort());
    const own = findings.filter((f) => f.ruleCode === fc.code);
    const rule = ruleByCode(fc.code)!;
    for (const f of own) {
      expect(f.severity).toBe(rule.severity);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      // Messages name the field ("民族：…"; the ID checks' own messages start with "…证件号码"/"…身份证号码")
      // and never carry personal data.
      expect(f.message).toMatch(/：|号码/);
      expect(f.message).not.toMatch(/\d{15,}/);
      expect(f.message).not.toMatch(/张|李/);
      if (f.entity === 'person') expect(f.personIndex).toBeTypeOf('number');
    }
    if (fc.at) expect(own[0]).toMatchObject(fc.at);
  });
});

describe.each(PASS_CASES)('$code passes: $name', (pc) => {
  it('is not found', () => {
    expect(ruleByCode(pc.code)!.check(pc.ctx)).toEqual([]);
  });
});

describe('rule details', () => {
  it('Q-DB-01 reports both the missing member and the missing money', () => {
    const f = ruleByCode('Q-DB-01')!.check(mutate((c) => void (c.household.attribute = '2')));
    expect(f.map((x) => x.field).sort()).toEqual(['attribute', 'dibaoIncome']);
  });

  it('Q-DB-03 points at each working-age labourer', () => {
    const f = ruleByCode('Q-DB-03')!.check(mutate((c) => void (c.household.attribute = '3')));
    expect(f.filter((x) => x.entity === 'person').map((x) => x.personIndex)).toEqual([HEAD, SPOUSE]);
  });

  it('Q-REL-05 keeps the original row index when a departed member precedes it', () => {
    const ctx = mutate((c) => {
      c.members.unshift({ ...c.members[HEAD]!, relationship: '11', changeReason: '01', idNumber: makeIdNumber(AREA, '1940-01-01', '015') });
      c.members[SON + 1]!.relationship = '04';
    });
    expect(ruleByCode('Q-REL-05')!.check(ctx)[0]!.personIndex).toBe(SON + 1);
  });

  it('Q-EXIT-01 uses the year’s national line (2018: 2995)', () => {
    const at = (wage: number) =>
      ruleByCode('Q-EXIT-01')!.check(
        mutate((c) => {
          exited(c);
          // per capita = (wage + 5000 + 500 + 2100 − 2000) / 4
          c.income!.wageIncome = wage;
        }),
      );
    expect(at(6380)).toEqual([]); // exactly 2995.00
    expect(at(6379.96)).toHaveLength(1); // 2994.99
  });

  it('thresholds come from the year parameters', () => {
    const ctx = mutate((c) => {
      c.conditions!.distanceToMainRoadKm = 30;
      c.params = { ...c.params, quality: { ...c.params.quality, maxDistanceToRoadKm: 20 } };
    });
    expect(codesOf(runQualityRules(ctx))).toEqual(['Q-LOG-03']);
  });

  it('code-table overrides reach the rules', () => {
    const ctx = mutate((c) => {
      c.members[HEAD]!.ethnicity = '88';
      // An administrator adds a code: the effective table is the shipped list plus the new entry.
      c.tables = DEFAULT_CODE_TABLES.map((t) => (t.field === 'ethnicity' ? { ...t, entries: [...t.entries, { code: '88', label: '测试族' }] } : t));
    });
    expect(ruleByCode('Q-CODE-01')!.check(ctx)).toEqual([]);
  });
});
