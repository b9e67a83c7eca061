// What the demo's assistance forces are made of: the departments that sent 双联 cadres and
// village teams to 会宁 (province, city and county bodies, the township governments), the
// industries a household's measures take up there, and the ledger lines a cadre writes.

/** 省直 / 市直 / 县直 bodies of the kind that took part in 双联 and sent village teams. */
export const PROVINCE_DEPARTMENTS = ['财政厅', '教育厅', '农业农村厅', '交通运输厅', '卫生健康委员会', '水利厅', '住房和城乡建设厅', '人力资源和社会保障厅', '科学技术厅', '林业和草原局', '统计局', '审计厅'];
export const CITY_DEPARTMENTS = ['发展和改革委员会', '财政局', '教育局', '人力资源和社会保障局', '农业农村局', '水务局', '交通运输局', '自然资源局', '卫生健康委员会', '民政局', '商务局', '市场监督管理局'];
export const COUNTY_DEPARTMENTS = [
  '教育局',
  '卫生健康局',
  '农业农村局',
  '林业和草原局',
  '水务局',
  '住房和城乡建设局',
  '交通运输局',
  '自然资源局',
  '民政局',
  '人力资源和社会保障局',
  '财政局',
  '扶贫开发办公室',
  '发展和改革局',
  '文化和旅游局',
  '市场监督管理局',
  '人民医院',
  '中医医院',
  '供电公司',
  '农村信用合作联社',
  '畜牧兽医局',
];

/** Positions by rank code of the quota rule (03 县级 … 06 一般干部). */
export const POSITIONS: Record<string, readonly string[]> = {
  '03': ['副县长', '局长', '党委书记', '主任'],
  '04': ['科长', '站长', '副局长', '主任科员'],
  '05': ['副科长', '副站长', '副主任科员'],
  '06': ['科员', '干部', '技术员', '办事员'],
};

/** Industries of 会宁's 产业扶贫 (肉羊, 马铃薯, 小杂粮, 中药材, 苹果, 胡麻). */
export const INDUSTRY_PROJECTS: readonly { name: string; amount: [number, number]; benefit: string }[] = [
  { name: '肉羊养殖（基础母羊）', amount: [4000, 8000], benefit: '出栏肉羊' },
  { name: '马铃薯种植（脱毒种薯）', amount: [1000, 2500], benefit: '马铃薯增收' },
  { name: '小杂粮种植（谷子、荞麦）', amount: [800, 2000], benefit: '小杂粮增收' },
  { name: '中药材种植（黄芪、党参）', amount: [1500, 3000], benefit: '药材销售' },
  { name: '苹果栽植', amount: [2000, 4000], benefit: '果品销售' },
  { name: '胡麻种植', amount: [600, 1500], benefit: '胡麻销售' },
  { name: '肉牛养殖', amount: [6000, 10000], benefit: '出栏肉牛' },
];

/** Measures per cause, beside the industry every household takes up: [category, project]. */
export const CAUSE_MEASURES: Record<string, readonly (readonly [string, string])[]> = {
  '01': [['04', '大病救治、慢病签约服务'], ['04', '城乡居民医保个人缴费资助']],
  '02': [['10', '残疾人两项补贴'], ['04', '家庭医生签约服务']],
  '03': [['03', '雨露计划职业教育补助'], ['03', '学生资助']],
  '04': [['05', '农村危房改造'], ['10', '临时救助']],
  '05': [['08', '光伏扶贫资产收益分红'], ['01', '土地流转入股合作社']],
  '06': [['99', '安全饮水入户工程'], ['01', '集雨水窖建设']],
  '07': [['09', '农村实用技术培训'], ['02', '劳务输转']],
  '08': [['10', '农村低保兜底保障'], ['08', '资产收益分红']],
  '09': [['07', '精准扶贫专项贷款'], ['01', '产业到户奖补']],
  '10': [['99', '通村道路硬化'], ['02', '劳务输转']],
  '11': [['09', '扶志扶智宣讲和技能培训'], ['11', '公益性岗位']],
};

/** Fund source by category: 金融 → 小额信贷, 教育/健康/兜底 → 行业部门, the rest 财政专项. */
export const FUND_BY_CATEGORY: Record<string, string> = { '07': '06', '03': '02', '04': '02', '10': '02', '09': '02', '02': '02', '05': '01', '08': '01', '11': '04', '99': '01', '01': '01' };

/** Goals of the 脱贫计划 by main cause. */
export const PLAN_GOALS: Record<string, string> = {
  '01': '落实健康扶贫政策，减轻医疗负担，发展庭院养殖稳定增收',
  '02': '落实残疾人补贴，安排辅助性就业，发展庭院经济',
  '03': '落实教育资助，保障子女完成学业，家庭劳力外出务工增收',
  '04': '完成危房改造，恢复生产，发展抗旱产业',
  '05': '土地流转入股合作社，劳力就近务工',
  '06': '解决安全饮水，发展旱作农业',
  '07': '参加技能培训，转移就业，发展特色种植',
  '08': '落实兜底保障，发展力所能及的庭院经济',
  '09': '申请精准扶贫专项贷款发展肉羊养殖，稳定增收',
  '10': '依托通村道路发展种养产业，劳力外出务工',
  '11': '扶志扶智，参加培训，发展种养产业',
};

/** Ledger lines: [kind, work, problem solved]. */
export const LEDGER_LINES: readonly (readonly [string, string, string | null])[] = [
  ['visit', '入户走访，了解家庭收入和生产情况', '核实全年收入台账'],
  ['visit', '入户走访，查看羊圈和饲草储备', '协调兽医站做好春季防疫'],
  ['policy', '宣讲精准扶贫和健康扶贫政策', '讲清先诊疗后付费和一站式结算流程'],
  ['policy', '宣讲教育资助政策', '帮助办理雨露计划补助申请'],
  ['project', '落实产业到户项目，协调购买基础母羊', '基础母羊已到户'],
  ['project', '协调精准扶贫专项贷款', '贷款已发放到户'],
  ['problem', '协调解决入户饮水管道冻裂问题', '联系水务站修复入户管道'],
  ['problem', '帮助联系农产品销路', '马铃薯由合作社统一收购'],
  ['training', '组织参加劳务技能培训', '户主参加电焊工培训'],
  ['visit', '年终入户核算收入，填写明白卡', '收入稳定超过当年标准'],
];
