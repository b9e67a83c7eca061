// Default code tables of the registry (domain.md §1.4, §1.5, §1.7, §1.8, §4.4, §9), versioned by
// year because the national forms were revised in 2014, 2017, 2019 and again for monitoring in
// 2021: the same code can print differently, and lists gained or lost entries.
//
// These are *defaults*. Entries marked `unconfirmed` ([U] in domain.md: the code or the label is
// our best understanding) are what an administrator may override; the database stores overrides
// and passes the merged tables to the functions below through their `tables` argument.

export type CodeTableVersion = '2014-2016' | '2017-2018' | '2019-2020' | '2021+';

export const CODE_TABLE_VERSIONS: readonly { version: CodeTableVersion; from: number; to: number | null }[] = [
  { version: '2014-2016', from: 2014, to: 2016 },
  { version: '2017-2018', from: 2017, to: 2018 },
  { version: '2019-2020', from: 2019, to: 2020 },
  { version: '2021+', from: 2021, to: null },
];

/** The version set whose forms were in use in `year`. Years before 2014 read as 2014 (the first registry). */
export function versionOfYear(year: number): CodeTableVersion {
  if (year >= 2021) return '2021+';
  if (year >= 2019) return '2019-2020';
  if (year >= 2017) return '2017-2018';
  return '2014-2016';
}

export interface CodeEntry {
  code: string;
  label: string;
  /** Other printed forms of the label seen in real data ("本人或户主", "大病" …) */
  aliases?: readonly string[];
  /** [U] in domain.md: editable by an administrator */
  unconfirmed?: true;
  /** A coarse class used by the rules (e.g. student status 'senior'), so rules never match labels */
  group?: string;
}

export const CODE_FIELDS = {
  sex: '性别',
  idType: '证件类型',
  relationship: '与户主关系',
  ethnicity: '民族',
  politicalStatus: '政治面貌',
  education: '文化程度',
  studentStatus: '在校生状况',
  dropoutReason: '失学或辍学原因',
  health: '健康状况',
  disabilityCategory: '残疾类别',
  disabilityGrade: '残疾等级',
  labourSkill: '劳动技能',
  migrantStatus: '务工状况',
  identificationStandard: '识别标准',
  attribute: '贫困户属性',
  cause: '致贫原因',
  exitStatus: '脱贫状态',
  notExitReason: '不脱贫原因',
  householdType: '户类型',
  memberChange: '人员变更原因',
  householdRemoval: '户减少原因',
  roadType: '入户路类型',
  housingStructure: '住房结构',
  dilapidationGrade: '危房级别',
  fuel: '主要燃料类型',
  relocationMode: '搬迁方式',
  resettlementMode: '安置方式',
  resettlementPlace: '安置地',
  affiliation: '隶属关系',
  villageAttribute: '村属性',
  villageDevelopment: '发展方向属性',
  terrain: '地形地貌属性',
  disasterType: '自然灾害类型',
  monitoringObjectType: '监测对象类别',
  riskType: '致贫返贫风险类型',
  naturalDisasterSubtype: '自然灾害子项',
  riskEliminationMode: '风险消除方式',
  assistanceMeasure: '帮扶措施类别',
} as const;

export type CodeField = keyof typeof CODE_FIELDS;

/** One list for one field, in force from `from` until a later definition of the same field. */
export interface CodeTableDefinition {
  field: CodeField;
  from: CodeTableVersion;
  entries: readonly CodeEntry[];
}

// Small builders keep the data below readable.
const e = (code: string, label: string, more: Omit<CodeEntry, 'code' | 'label'> = {}): CodeEntry => ({ code, label, ...more });
const u = (code: string, label: string, more: Omit<CodeEntry, 'code' | 'label' | 'unconfirmed'> = {}): CodeEntry => ({
  code,
  label,
  unconfirmed: true,
  ...more,
});
/** Labels with codes 01, 02 … in order: used where domain.md gives labels but no codes. */
const numbered = (labels: readonly string[], start = 1, unconfirmed = true): CodeEntry[] =>
  labels.map((label, i) => {
    const code = String(start + i).padStart(2, '0');
    return unconfirmed ? u(code, label) : e(code, label);
  });

const RELATIONSHIP_2014: CodeEntry[] = [
  e('01', '户主', { aliases: ['本人或户主', '本人', '户主本人'], group: 'head' }),
  e('02', '配偶', { aliases: ['妻', '夫', '妻子', '丈夫'], group: 'spouse' }),
  e('03', '之子', { aliases: ['子', '儿子'], group: 'male' }),
  e('04', '之女', { aliases: ['女', '女儿'], group: 'female' }),
  e('05', '之儿媳', { aliases: ['儿媳'], group: 'female' }),
  e('06', '之女婿', { aliases: ['女婿'], group: 'male' }),
  e('07', '之孙子', { aliases: ['孙子'], group: 'male' }),
  e('08', '之孙女', { aliases: ['孙女'], group: 'female' }),
  e('09', '之外孙子', { aliases: ['外孙子', '外孙'], group: 'male' }),
  e('10', '之外孙女', { aliases: ['外孙女'], group: 'female' }),
  e('11', '之父', { aliases: ['父亲'], group: 'male' }),
  e('12', '之母', { aliases: ['母亲'], group: 'female' }),
  e('13', '之岳父', { aliases: ['岳父'], group: 'male' }),
  e('14', '之岳母', { aliases: ['岳母'], group: 'female' }),
  e('15', '之公公', { aliases: ['公公'], group: 'male' }),
  e('16', '之婆婆', { aliases: ['婆婆'], group: 'female' }),
  e('17', '之祖父', { aliases: ['祖父'], group: 'male' }),
  e('18', '之祖母', { aliases: ['祖母'], group: 'female' }),
  e('19', '之外祖父', { aliases: ['外祖父'], group: 'male' }),
  e('20', '之外祖母', { aliases: ['外祖母'], group: 'female' }),
  e('99', '其他'),
];

// 2019/2020 additions: labels confirmed, codes 21–27 are our guess.
const RELATIONSHIP_2019: CodeEntry[] = [
  ...RELATIONSHIP_2014.filter((x) => x.code !== '99'),
  u('21', '之兄弟姐妹', { aliases: ['兄弟姐妹'] }),
  u('22', '之曾孙子', { aliases: ['曾孙子'], group: 'male' }),
  u('23', '之曾孙女', { aliases: ['曾孙女'], group: 'female' }),
  u('24', '之侄儿', { aliases: ['侄儿', '侄子'], group: 'male' }),
  u('25', '之侄女', { aliases: ['侄女'], group: 'female' }),
  u('26', '之兄弟媳妇', { aliases: ['兄弟媳妇'], group: 'female' }),
  u('27', '之叔伯', { aliases: ['叔伯'], group: 'male' }),
  e('99', '其他'),
];

// GB/T 3304. Taken from the standard, not confirmed from the national form, hence unconfirmed.
const ETHNIC_NAMES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;
const ETHNICITY: CodeEntry[] = [
  // "汉" and "回" without 族 are common on hand-filled forms.
  ...ETHNIC_NAMES.map((label, i) => u(String(i + 1).padStart(2, '0'), label, { aliases: [label.slice(0, -1)] })),
  u('97', '其他', { aliases: ['其他民族'] }),
  u('98', '外国血统', { aliases: ['外国血统中国籍人士'] }),
];

const POLITICAL_STATUS: CodeEntry[] = [
  e('01', '中共党员', { aliases: ['党员', '中国共产党党员'] }),
  e('02', '中共预备党员', { aliases: ['预备党员'] }),
  e('03', '共青团员', { aliases: ['团员'] }),
  e('04', '民革会员'),
  e('05', '民盟盟员'),
  e('06', '民建会员'),
  e('07', '民进会员'),
  e('08', '农工党党员'),
  e('09', '致公党党员'),
  e('10', '九三学社社员'),
  e('11', '台盟盟员'),
  e('12', '无党派民主人士', { aliases: ['无党派人士'] }),
  e('13', '群众'),
];

/** The 2020 national validation tool accepts only these 政治面貌 codes; others are legal GB/T 4762 values. */
export const POLITICAL_STATUS_ACCEPTED_2020: readonly string[] = ['01', '02', '03', '13'];

const EDUCATION_2014: CodeEntry[] = [
  e('01', '文盲或半文盲', { aliases: ['文盲', '半文盲'], group: 'illiterate' }),
  e('02', '小学', { group: 'primary' }),
  e('03', '初中', { group: 'junior' }),
  e('04', '高中', { aliases: ['高中（含中专）', '中专'], group: 'senior' }),
  e('05', '大专及以上', { aliases: ['大专'], group: 'higher' }),
  e('06', '学龄前儿童', { group: 'preschool' }),
];
// 2019+: labels confirmed, codes guessed; 学龄前儿童 moved to 在校生状况.
const EDUCATION_2019: CodeEntry[] = [
  u('01', '文盲或半文盲', { aliases: ['文盲', '半文盲'], group: 'illiterate' }),
  u('02', '小学', { group: 'primary' }),
  u('03', '初中', { group: 'junior' }),
  u('04', '高中', { aliases: ['中专'], group: 'senior' }),
  u('05', '大专', { aliases: ['大专及以上'], group: 'higher' }),
  u('06', '本科及以上', { aliases: ['本科'], group: 'higher' }),
];

const STUDENT_2014: CodeEntry[] = [
  // 非在校生 is a value in this version, but means "not a student": the rules treat it as empty.
  e('01', '非在校生', { group: 'notStudent' }),
  e('02', '学前教育', { group: 'preschool' }),
  e('03', '小学', { group: 'primary' }),
  e('04', '七年级', { aliases: ['初一'], group: 'junior' }),
  e('05', '八年级', { aliases: ['初二'], group: 'junior' }),
  e('06', '九年级', { aliases: ['初三'], group: 'junior' }),
  e('07', '高中一年级', { aliases: ['普通高中一年级', '高一'], group: 'senior' }),
  e('08', '高中二年级', { aliases: ['普通高中二年级', '高二'], group: 'senior' }),
  e('09', '高中三年级', { aliases: ['普通高中三年级', '高三'], group: 'senior' }),
  e('10', '中职一年级', { group: 'senior' }),
  e('11', '中职二年级', { group: 'senior' }),
  e('12', '中职三年级', { group: 'senior' }),
  e('13', '高职一年级', { aliases: ['高职高专一年级'], group: 'higher' }),
  e('14', '高职二年级', { aliases: ['高职高专二年级'], group: 'higher' }),
  e('15', '高职三年级', { aliases: ['高职高专三年级'], group: 'higher' }),
  e('16', '大专及以上', { group: 'higher' }),
];
const STUDENT_2019: CodeEntry[] = [
  u('01', '学龄前儿童', { group: 'preschoolChild' }),
  u('02', '学前教育', { group: 'preschool' }),
  u('03', '小学', { group: 'primary' }),
  u('04', '七年级', { aliases: ['初一'], group: 'junior' }),
  u('05', '八年级', { aliases: ['初二'], group: 'junior' }),
  u('06', '九年级', { aliases: ['初三'], group: 'junior' }),
  u('07', '普通高中一年级', { aliases: ['高中一年级', '高一'], group: 'senior' }),
  u('08', '普通高中二年级', { aliases: ['高中二年级', '高二'], group: 'senior' }),
  u('09', '普通高中三年级', { aliases: ['高中三年级', '高三'], group: 'senior' }),
  u('10', '中职一年级', { group: 'senior' }),
  u('11', '中职二年级', { group: 'senior' }),
  u('12', '中职三年级', { group: 'senior' }),
  u('13', '高职高专一年级', { aliases: ['高职一年级'], group: 'higher' }),
  u('14', '高职高专二年级', { aliases: ['高职二年级'], group: 'higher' }),
  u('15', '高职高专三年级', { aliases: ['高职三年级'], group: 'higher' }),
  u('16', '技师学院一年级', { group: 'senior' }),
  u('17', '技师学院二年级', { group: 'senior' }),
  u('18', '技师学院三年级', { group: 'senior' }),
  u('19', '技师学院四年级', { group: 'senior' }),
  u('20', '本科一年级', { group: 'higher' }),
  u('21', '本科二年级', { group: 'higher' }),
  u('22', '本科三年级', { group: 'higher' }),
  u('23', '本科四年级', { group: 'higher' }),
  u('24', '本科五年级', { group: 'higher' }),
  u('25', '硕士研究生及以上', { aliases: ['研究生'], group: 'higher' }),
];

const HEALTH: CodeEntry[] = [
  e('01', '健康', { group: 'healthy' }),
  e('02', '长期慢性病', { aliases: ['慢性病'], group: 'chronic' }),
  e('03', '患有大病', { aliases: ['大病', '重病'], group: 'serious' }),
  e('04', '残疾', { aliases: ['残疾人'], group: 'disabled' }),
];

// Codes 01–04 keep their 2014 meaning in 2019+; the new 弱劳动力 gets 05 rather than shifting
// 丧失/无劳动力, so a household's history reads the same across years. Display order follows the form.
const LABOUR_2014: CodeEntry[] = [
  e('01', '普通劳动力', { group: 'labourer' }),
  e('02', '技能劳动力', { group: 'labourer' }),
  e('03', '丧失劳动力', { aliases: ['丧失劳动能力'], group: 'noCapacity' }),
  e('04', '无劳动力', { aliases: ['无劳动能力'], group: 'noCapacity' }),
];
const LABOUR_2019: CodeEntry[] = [
  LABOUR_2014[0]!,
  LABOUR_2014[1]!,
  u('05', '弱劳动力或半劳动力', { aliases: ['弱劳动力', '半劳动力', '弱劳动力/半劳动力'], group: 'labourer' }),
  LABOUR_2014[2]!,
  LABOUR_2014[3]!,
];

const MIGRANT_STATUS: CodeEntry[] = [
  e('01', '乡（镇）内务工', { aliases: ['乡内务工', '镇内务工'] }),
  e('02', '乡（镇）外县内务工', { aliases: ['县内务工'] }),
  e('03', '县外省内务工', { aliases: ['省内务工'] }),
  e('04', '省外务工'),
  e('05', '其他', { aliases: ['国外务工'] }),
];

const ATTRIBUTE_2014: CodeEntry[] = [
  e('1', '一般贫困户', { aliases: ['一般户'], group: 'general' }),
  e('2', '低保贫困户', { aliases: ['低保户'], group: 'dibao' }),
  e('3', '五保贫困户', { aliases: ['五保户', '特困供养贫困户'], group: 'wubao' }),
];
// 2017: 五保 renamed 特困供养. Old labels and one province's post-exit labels still resolve.
const ATTRIBUTE_2017: CodeEntry[] = [
  e('1', '一般贫困户', { aliases: ['一般户', '一般脱贫户'], group: 'general' }),
  e('2', '低保贫困户', { aliases: ['低保户', '低保脱贫户'], group: 'dibao' }),
  e('3', '特困供养贫困户', { aliases: ['五保贫困户', '五保户', '特困供养户', '特困供养脱贫户', '特困户'], group: 'wubao' }),
];

const CAUSE: CodeEntry[] = [
  e('01', '因病', { group: 'illness' }),
  e('02', '因残', { group: 'disability' }),
  e('03', '因学', { group: 'schooling' }),
  e('04', '因灾'),
  e('05', '缺土地'),
  e('06', '缺水'),
  e('07', '缺技术'),
  e('08', '缺劳力', { aliases: ['缺劳动力'], group: 'noLabour' }),
  e('09', '缺资金', { aliases: ['缺发展资金'] }),
  e('10', '交通条件落后', { aliases: ['交通落后'] }),
  e('11', '自身发展动力不足', { aliases: ['自身发展动力不足（内生动力不足）', '内生动力不足'] }),
  // Gansu's 2015 collection already counted 因婚; codes 12/13 are a guess.
  u('12', '因婚'),
  u('13', '因丧'),
  e('99', '其他'),
];

// National system codes; '2' was never observed and is taken to be 预脱贫.
const EXIT_STATUS: CodeEntry[] = [
  e('0', '未脱贫', { aliases: ['未脱贫贫困户'], group: 'notExited' }),
  e('1', '已脱贫（享受政策）', { aliases: ['已脱贫', '脱贫', '新脱贫贫困户', '历史已脱贫贫困户'], group: 'exited' }),
  u('2', '预脱贫', { aliases: ['标注脱贫'], group: 'preExit' }),
  e('3', '返贫', { aliases: ['返贫贫困户'], group: 'returned' }),
  e('4', '已脱贫（不再享受政策）', { aliases: ['稳定脱贫'], group: 'exited' }),
];

const NOT_EXIT_REASON = numbered(
  [
    '收入超标准但未实现两不愁三保障',
    '享受政策但成效不显著',
    '回头看后新纳入',
    '因残致贫无固定收入',
    '家中有大病重病病人正在治疗',
    '因病因学支出明显大于收入',
    '收入没有稳定超过退出标准',
    '五保贫困户',
    '老弱病残等无劳动能力的一类低保对象',
    '易地搬迁贫困人口没有取得新房钥匙',
  ],
  1,
  true,
);

const HOUSEHOLD_TYPE: CodeEntry[] = [
  u('1', '贫困户', { group: 'poor' }),
  u('2', '脱贫户', { group: 'exited' }),
  u('3', '一般农户', { aliases: ['普通农户'], group: 'ordinary' }),
];

const MEMBER_CHANGE: CodeEntry[] = [
  e('01', '死亡', { group: 'out' }),
  e('02', '嫁出', { group: 'out' }),
  e('03', '出国定居', { group: 'out' }),
  e('04', '判刑收监', { group: 'out' }),
  e('05', '嫁入', { group: 'in' }),
  e('06', '新生儿', { aliases: ['新生'], group: 'in' }),
  e('07', '其他转入', { group: 'in' }),
  e('08', '其他转出', { group: 'out' }),
];

const DEFINITIONS: CodeTableDefinition[] = [
  { field: 'sex', from: '2014-2016', entries: [e('1', '男', { aliases: ['男性'] }), e('2', '女', { aliases: ['女性'] }), e('9', '未说明', { aliases: ['未说明的性别'] })] },
  {
    field: 'idType',
    from: '2014-2016',
    entries: [
      e('01', '居民身份证', { aliases: ['身份证', '第二代居民身份证'] }),
      e('02', '中国人民解放军军官证', { aliases: ['军官证'] }),
      e('09', '残疾人证', { aliases: ['残疾证'] }),
    ],
  },
  { field: 'relationship', from: '2014-2016', entries: RELATIONSHIP_2014 },
  { field: 'relationship', from: '2019-2020', entries: RELATIONSHIP_2019 },
  { field: 'ethnicity', from: '2014-2016', entries: ETHNICITY },
  { field: 'politicalStatus', from: '2014-2016', entries: POLITICAL_STATUS },
  { field: 'education', from: '2014-2016', entries: EDUCATION_2014 },
  { field: 'education', from: '2019-2020', entries: EDUCATION_2019 },
  { field: 'studentStatus', from: '2014-2016', entries: STUDENT_2014 },
  { field: 'studentStatus', from: '2019-2020', entries: STUDENT_2019 },
  { field: 'dropoutReason', from: '2019-2020', entries: [u('01', '因病'), u('02', '因残'), u('03', '厌学'), u('99', '其他')] },
  { field: 'health', from: '2014-2016', entries: HEALTH },
  {
    field: 'disabilityCategory',
    from: '2019-2020',
    entries: numbered(['视力残疾', '听力残疾', '言语残疾', '肢体残疾', '智力残疾', '精神残疾', '多重残疾'], 1, true).map((x) => ({
      ...x,
      code: String(Number(x.code)),
      aliases: [x.label.slice(0, -2)],
    })),
  },
  { field: 'disabilityGrade', from: '2019-2020', entries: [u('1', '一级'), u('2', '二级'), u('3', '三级'), u('4', '四级')] },
  { field: 'labourSkill', from: '2014-2016', entries: LABOUR_2014 },
  { field: 'labourSkill', from: '2019-2020', entries: LABOUR_2019 },
  { field: 'migrantStatus', from: '2014-2016', entries: MIGRANT_STATUS },
  // From 2017 务工状况 was replaced by 务工所在地 + 务工时间 + 务工企业名称.
  { field: 'migrantStatus', from: '2017-2018', entries: [] },
  {
    field: 'identificationStandard',
    from: '2014-2016',
    entries: [u('1', '国家标准', { aliases: ['国定标准'] }), u('2', '省定标准'), u('3', '市定标准')],
  },
  { field: 'attribute', from: '2014-2016', entries: ATTRIBUTE_2014 },
  { field: 'attribute', from: '2017-2018', entries: ATTRIBUTE_2017 },
  { field: 'cause', from: '2014-2016', entries: CAUSE },
  { field: 'exitStatus', from: '2014-2016', entries: EXIT_STATUS },
  { field: 'notExitReason', from: '2014-2016', entries: NOT_EXIT_REASON },
  { field: 'householdType', from: '2019-2020', entries: HOUSEHOLD_TYPE },
  { field: 'memberChange', from: '2014-2016', entries: MEMBER_CHANGE },
  { field: 'householdRemoval', from: '2014-2016', entries: [u('01', '识别不准清退', { aliases: ['清退'] }), u('02', '自然减少')] },
  { field: 'roadType', from: '2014-2016', entries: [e('01', '泥土路', { aliases: ['土路'] }), e('02', '砂石路'), e('03', '水泥路'), e('04', '沥青路')] },
  {
    field: 'housingStructure',
    from: '2014-2016',
    entries: [
      u('01', '钢筋混凝土'),
      u('02', '砖混', { aliases: ['砖混结构'] }),
      u('03', '砖瓦砖木', { aliases: ['砖木', '砖瓦'] }),
      u('04', '土木/土坯', { aliases: ['土木', '土坯', '土木结构'] }),
      u('05', '窑洞'),
      u('99', '其他'),
    ],
  },
  {
    field: 'dilapidationGrade',
    from: '2014-2016',
    entries: [
      e('01', '有安全住房', { aliases: ['安全住房', '非危房'], group: 'safe' }),
      e('02', '危房C类', { aliases: ['C级', 'C级危房', 'C类'], group: 'dilapidated' }),
      e('03', '危房D类', { aliases: ['D级', 'D级危房', 'D类'], group: 'dilapidated' }),
    ],
  },
  { field: 'fuel', from: '2014-2016', entries: [e('01', '柴草'), e('02', '干畜粪'), e('03', '煤炭', { aliases: ['煤'] }), e('04', '清洁能源'), e('05', '其他')] },
  {
    field: 'relocationMode',
    from: '2014-2016',
    entries: [
      e('01', '行政村整体搬迁'),
      e('02', '自然村（村民小组）整体搬迁', { aliases: ['自然村整体搬迁', '村民小组整体搬迁'] }),
      e('03', '建档立卡贫困户个别搬迁', { aliases: ['个别搬迁'] }),
    ],
  },
  { field: 'resettlementMode', from: '2014-2016', entries: [u('1', '集中安置'), u('2', '分散安置')] },
  {
    field: 'resettlementPlace',
    from: '2014-2016',
    // Labels confirmed; the letters are local codes.
    entries: [
      u('a', '县城安置'),
      u('b', '乡镇安置'),
      u('c', '中心村/村外安置', { aliases: ['中心村安置', '村外安置'] }),
      u('d', '村内安置'),
      u('e', '县外安置'),
    ],
  },
  {
    field: 'affiliation',
    from: '2014-2016',
    entries: [e('01', '中央'), e('02', '省', { aliases: ['省级'] }), e('03', '市', { aliases: ['市级'] }), e('04', '县', { aliases: ['县级'] }), e('05', '乡镇', { aliases: ['乡镇级'] }), e('06', '部队'), e('07', '其他')],
  },
  {
    field: 'villageAttribute',
    from: '2014-2016',
    entries: [u('1', '贫困村', { group: 'poor' }), u('2', '非贫困村', { group: 'notPoor' }), u('3', '深度贫困村', { group: 'poor' })],
  },
  { field: 'villageDevelopment', from: '2014-2016', entries: [u('1', '中心村'), u('2', '一般村'), u('3', '过渡村')] },
  { field: 'terrain', from: '2014-2016', entries: [u('1', '山区'), u('2', '丘陵'), u('3', '平原', { aliases: ['平坝', '平原(平坝)'] })] },
  {
    field: 'disasterType',
    from: '2014-2016',
    entries: numbered(['旱', '涝', '病虫', '冰冻', '干热风', '动物疫病', '泥石流/滑坡', '地震'], 1, true).concat([u('99', '其他')]),
  },
  {
    field: 'monitoringObjectType',
    from: '2021+',
    entries: [
      e('100A03001', '脱贫不稳定户'),
      e('100A03002', '边缘易致贫户', { aliases: ['边缘户'] }),
      e('100A03003', '突发严重困难户'),
      u('100A03A02', '脱贫不享受政策户'),
    ],
  },
  {
    field: 'riskType',
    from: '2021+',
    entries: numbered([
      '因病',
      '因残',
      '因学',
      '因意外事故',
      '因产业项目失败',
      '因务工就业不稳',
      '缺劳动力',
      '因自然灾害',
      '住房出现安全问题',
      '义务教育保障出现问题',
      '基本医疗保障出现问题',
      '饮水安全出现问题',
    ]).concat([u('99', '其他')]),
  },
  {
    field: 'naturalDisasterSubtype',
    from: '2021+',
    entries: numbered(['洪涝', '地质', '旱灾', '生物', '气象', '地震']).concat([u('99', '其他')]),
  },
  { field: 'riskEliminationMode', from: '2021+', entries: [u('1', '帮扶消除'), u('2', '自然消除')] },
  {
    field: 'assistanceMeasure',
    from: '2014-2016',
    entries: numbered([
      '产业扶贫',
      '就业扶贫',
      '教育扶贫',
      '健康扶贫',
      '危房改造',
      '易地搬迁',
      '金融扶贫',
      '资产收益',
      '技能培训',
      '社会保障兜底',
      '生态补偿',
    ])
      .map((x) => (x.label === '金融扶贫' ? { ...x, aliases: ['金融扶贫(专项贷款)', '专项贷款'] } : x))
      .concat([u('99', '其他')]),
  },
  {
    field: 'assistanceMeasure',
    from: '2021+',
    // Labels confirmed for the monitoring era; codes are ours.
    entries: numbered([
      '产业帮扶',
      '就业帮扶',
      '金融帮扶',
      '公益岗位帮扶',
      '住房安全保障',
      '饮水安全保障',
      '健康帮扶',
      '义务教育保障',
      '其他教育帮扶',
      '综合保障',
      '社会帮扶',
      '搬迁',
      '生产生活条件改善',
      '基础设施建设',
    ]).concat([u('99', '其他')]),
  },
];

/** All default definitions; the database layers administrator overrides on top of these. */
export const DEFAULT_CODE_TABLES: readonly CodeTableDefinition[] = DEFINITIONS;

const VERSION_ORDER: readonly CodeTableVersion[] = CODE_TABLE_VERSIONS.map((v) => v.version);

/**
 * The list for `field` in force in `year`: the latest definition whose version is not after the
 * year's. Empty when the field did not exist then (e.g. 户类型 before 2019, 务工状况 after 2016).
 */
export function codeTable(field: CodeField, year: number, tables: readonly CodeTableDefinition[] = DEFAULT_CODE_TABLES): readonly CodeEntry[] {
  return indexOfTable(field, year, tables).entries;
}

interface TableIndex {
  entries: readonly CodeEntry[];
  /** code → its first entry, as entries.find would pick it */
  byCode: ReadonlyMap<string, CodeEntry>;
}

/**
 * The table in force for a field and version, worked out once per tables array. The rules look a
 * code up some forty times per person (groupOf, labelOf, isKnownCode), and each lookup used to
 * scan every definition and then the entries (56 ethnicities). Tables are data that is never
 * changed in place (effectiveCodeTables builds a new array when an override changes), so the
 * array itself is the cache key; a WeakMap lets the index go with it.
 */
const TABLE_INDEXES = new WeakMap<readonly CodeTableDefinition[], Map<CodeField, TableIndex[]>>();

function indexOfTable(field: CodeField, year: number, tables: readonly CodeTableDefinition[]): TableIndex {
  let byField = TABLE_INDEXES.get(tables);
  if (!byField) TABLE_INDEXES.set(tables, (byField = new Map()));
  let byVersion = byField.get(field);
  if (!byVersion) byField.set(field, (byVersion = []));
  const target = VERSION_ORDER.indexOf(versionOfYear(year));
  let index = byVersion[target];
  if (!index) {
    let best: CodeTableDefinition | undefined;
    for (const def of tables) {
      if (def.field !== field) continue;
      const at = VERSION_ORDER.indexOf(def.from);
      if (at > target) continue;
      if (!best || at >= VERSION_ORDER.indexOf(best.from)) best = def;
    }
    const entries = best?.entries ?? [];
    const byCode = new Map<string, CodeEntry>();
    for (const x of entries) if (!byCode.has(x.code)) byCode.set(x.code, x);
    byVersion[target] = index = { entries, byCode };
  }
  return index;
}

export function entryOf(field: CodeField, code: string | null | undefined, year: number, tables: readonly CodeTableDefinition[] = DEFAULT_CODE_TABLES): CodeEntry | undefined {
  if (code == null) return undefined;
  return indexOfTable(field, year, tables).byCode.get(code);
}

/** The label of `code` in the year's version, or undefined for an unknown code. */
export function labelOf(field: CodeField, code: string | null | undefined, year: number, tables?: readonly CodeTableDefinition[]): string | undefined {
  return entryOf(field, code, year, tables)?.label;
}

/** The rule group of `code` (see CodeEntry.group), or undefined. */
export function groupOf(field: CodeField, code: string | null | undefined, year: number, tables?: readonly CodeTableDefinition[]): string | undefined {
  return entryOf(field, code, year, tables)?.group;
}

/**
 * Hand-filled and imported forms mix full-width and half-width brackets and slashes and carry
 * stray spaces; compare labels after folding these away.
 */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFKC') // full-width （）／ and letters become ASCII
    .replace(/\s+/g, '')
    .replace(/[【\[]/g, '(')
    .replace(/[】\]]/g, ')');
}

/** The code whose label or alias matches `label` in the year's version; undefined if none. */
export function codeOfLabel(field: CodeField, label: string | null | undefined, year: number, tables?: readonly CodeTableDefinition[]): string | undefined {
  if (label == null) return undefined;
  const wanted = normalizeLabel(label);
  if (wanted === '') return undefined;
  const entries = codeTable(field, year, tables);
  // Exact labels win over aliases, so an alias can never shadow another entry's real label.
  const exact = entries.find((x) => normalizeLabel(x.label) === wanted);
  if (exact) return exact.code;
  return entries.find((x) => x.aliases?.some((a) => normalizeLabel(a) === wanted))?.code;
}

/**
 * Multi-valued cells ("残疾,长期慢性病", "因病、缺技术"): split on the separators seen in real
 * data and resolve each part. Parts that resolve to nothing are returned in `unknown`.
 */
export function codesOfLabels(
  field: CodeField,
  text: string | null | undefined,
  year: number,
  tables?: readonly CodeTableDefinition[],
): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of (text ?? '').split(/[,，、;；|]/)) {
    if (part.trim() === '') continue;
    const code = codeOfLabel(field, part, year, tables);
    if (code === undefined) unknown.push(part.trim());
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, unknown };
}

/** True when `code` is in the year's list. */
export function isKnownCode(field: CodeField, code: string | null | undefined, year: number, tables?: readonly CodeTableDefinition[]): boolean {
  return entryOf(field, code, year, tables) !== undefined;
}
