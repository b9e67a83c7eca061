// Names of rural 会宁 / 定西 people. Surnames follow the local mix (张 王 李 刘 杨 lead; 马 is
// common among Han and Hui alike; 魏 党 柴 侯 颉 are typical of the area); villages called
// 范家湾 or 侯家川 are mostly inhabited by that surname, so a named village boosts its surname.
// Given names follow the fashion of the birth decade: 有福 and 桂兰 for the old, 建国 and 秀芳
// for the 1950s–70s, 海龙 and 丽娟 for the 1980s, 浩宇 and 欣怡 for the 2000s, 梓轩 and 子涵 now.
import { weightedTable, type Random, type WeightedTable } from './random';

/** Relative frequency among the Han households of the area (rough, from local registers). */
export const HAN_SURNAMES: readonly (readonly [string, number])[] = [
  ['张', 9], ['王', 8], ['李', 7], ['刘', 6], ['杨', 5], ['马', 3.5], ['赵', 3.5], ['陈', 3], ['魏', 2.5], ['何', 2],
  ['郭', 2], ['牛', 2], ['吴', 1.8], ['徐', 1.5], ['孙', 1.5], ['周', 1.5], ['朱', 1.5], ['高', 1.5], ['田', 1.5], ['胡', 1.5],
  ['冯', 1.2], ['党', 1.2], ['柴', 1], ['韩', 1], ['侯', 1], ['汪', 1], ['姚', 1], ['范', 1], ['罗', 1], ['曹', 1],
  ['董', 1], ['苏', 1], ['邓', 0.8], ['梁', 0.8], ['白', 0.8], ['康', 0.8], ['岳', 0.8], ['翟', 0.8], ['丁', 0.8], ['任', 0.8],
  ['贾', 0.8], ['闫', 0.8], ['蒋', 0.6], ['焦', 0.6], ['雷', 0.6], ['姜', 0.6], ['乔', 0.6], ['石', 0.6], ['颉', 0.5], ['祁', 0.5],
  ['包', 0.5], ['景', 0.5], ['窦', 0.5], ['安', 0.5], ['万', 0.5], ['秦', 0.5], ['袁', 0.5], ['金', 0.4], ['谢', 0.4], ['卢', 0.4],
];

/** 回族 households: 马 first by far, then the other common Hui surnames of Gansu. */
export const HUI_SURNAMES: readonly (readonly [string, number])[] = [
  ['马', 35], ['何', 7], ['李', 6], ['王', 6], ['杨', 5], ['丁', 5], ['张', 4], ['海', 3], ['白', 3], ['田', 3],
  ['苏', 3], ['沙', 2], ['周', 2], ['金', 2], ['冶', 2], ['穆', 2], ['哈', 1], ['虎', 1], ['锁', 1], ['妥', 1],
];

type Sex = '1' | '2';

// Given names by birth cohort. Two-character names dominate in the countryside; the young
// cohorts have more one-character names.
const OLD_MALE = ['有福', '德贵', '富贵', '生财', '万福', '进财', '守仁', '永福', '长生', '天福', '玉成', '志成', '兴旺', '发财', '德明', '有才', '万山', '成福', '振邦', '登科', '永祥', '占魁', '金山', '福海', '宗礼', '世杰', '维新', '兰亭'];
const OLD_FEMALE = ['桂兰', '秀英', '玉兰', '桂英', '秀兰', '凤英', '兰英', '玉梅', '秀珍', '桂芳', '金花', '翠兰', '月英', '桂花', '淑珍', '凤兰', '玉珍', '菊花', '存英', '兰花', '银花', '改花', '引弟', '招弟', '翠英', '粉兰'];
const MID_MALE = ['建国', '建军', '国庆', '卫东', '红军', '志强', '志刚', '建华', '国强', '文明', '学军', '永红', '东升', '振华', '兴国', '立新', '跃进', '文斌', '海军', '建平', '国栋', '生荣', '宏伟', '占军', '继红', '胜利', '国华', '双喜', '宝林', '万林'];
const MID_FEMALE = ['红梅', '秀芳', '丽萍', '玉霞', '桂琴', '淑芳', '红霞', '彩霞', '翠萍', '小梅', '春梅', '艳芳', '爱琴', '兰芳', '秀琴', '玉琴', '凤琴', '巧玲', '改琴', '彩琴', '爱兰', '俊英', '红英', '金梅'];
const YOUNG_MALE = ['伟', '强', '磊', '军', '勇', '斌', '鹏', '涛', '小龙', '海龙', '永强', '志明', '文杰', '晓东', '俊峰', '鹏飞', '亚军', '文龙', '红亮', '宏伟', '永平', '建龙', '海平', '小军', '继军', '国平', '永刚', '小平', '亚东', '明亮'];
const YOUNG_FEMALE = ['丽', '娟', '霞', '燕', '芳', '静', '敏', '艳', '小燕', '丽娟', '海燕', '晓燕', '彩虹', '雪梅', '玉娟', '亚琴', '丽霞', '春燕', '美玲', '小丽', '红艳', '晓霞', '亚丽', '丽丽', '小琴', '燕燕', '艳红', '小红'];
const TEEN_MALE = ['浩', '鑫', '杰', '宇', '博', '豪', '嘉豪', '子豪', '浩宇', '俊杰', '家乐', '宇航', '佳豪', '鹏程', '天宇', '振宇', '文博', '子龙', '泽宇', '明轩', '志鹏', '家豪', '雨泽', '浩东', '俊豪', '鑫磊'];
const TEEN_FEMALE = ['欣', '婷', '倩', '雪', '佳琪', '欣怡', '雨婷', '静怡', '梦瑶', '晓婷', '婷婷', '思雨', '雪婷', '佳怡', '瑞雪', '雅琪', '佳欣', '玉婷', '梦婷', '欣雨', '佳慧', '文静', '雨欣', '丹丹'];
const CHILD_MALE = ['子涵', '浩然', '梓轩', '宇轩', '一诺', '子墨', '沐阳', '浩轩', '宇泽', '俊熙', '梓豪', '皓宇', '锦程', '奕辰', '子轩', '博文', '嘉懿', '睿泽', '铭轩', '梓睿', '晨阳', '宇辰', '思远', '天佑'];
const CHILD_FEMALE = ['子涵', '梓涵', '雨涵', '一诺', '欣妍', '诗涵', '梓萱', '可欣', '语桐', '若汐', '芷若', '依诺', '梦琪', '思涵', '紫萱', '雨桐', '佳怡', '欣悦', '梓琪', '诗雨', '艺涵', '锦瑶', '若曦', '安琪'];

const COHORTS: readonly { to: number; male: readonly string[]; female: readonly string[] }[] = [
  { to: 1950, male: OLD_MALE, female: OLD_FEMALE },
  { to: 1972, male: MID_MALE, female: MID_FEMALE },
  { to: 1994, male: YOUNG_MALE, female: YOUNG_FEMALE },
  { to: 2009, male: TEEN_MALE, female: TEEN_FEMALE },
  { to: 9999, male: CHILD_MALE, female: CHILD_FEMALE },
];

/** Second characters that combine with a shared 辈分 character (建国/建军, 浩宇/浩然). */
const SECOND_MALE = ['军', '平', '明', '林', '华', '强', '龙', '宁', '东', '成', '杰', '宇', '鹏', '涛', '亮', '斌'];
const SECOND_FEMALE = ['梅', '霞', '芳', '兰', '琴', '燕', '丽', '娟', '萍', '英', '婷', '琪', '雪', '红', '玲', '慧'];

/** The given-name pool of a sex and birth year. */
export function givenNamePool(sex: Sex, birthYear: number): readonly string[] {
  const cohort = COHORTS.find((c) => birthYear <= c.to) ?? COHORTS[COHORTS.length - 1]!;
  return sex === '1' ? cohort.male : cohort.female;
}

export function givenName(random: Random, sex: Sex, birthYear: number): string {
  return random.pick(givenNamePool(sex, birthYear));
}

/**
 * A sibling's given name: often (40 %) the same 辈分 character as an elder sibling's two-character
 * name with another second character, else a fresh name of the cohort.
 */
export function siblingGivenName(random: Random, sex: Sex, birthYear: number, elder: string | null): string {
  if (elder && elder.length === 2 && random.chance(0.4)) {
    return elder[0]! + random.pick(sex === '1' ? SECOND_MALE : SECOND_FEMALE);
  }
  return givenName(random, sex, birthYear);
}

/** The surname a place name is called after: 范家湾 → 范, 侯家川镇 → 侯; null for other names. */
export function surnameOfPlace(placeName: string): string | null {
  const m = /^(.)家/.exec(placeName);
  return m ? m[1]! : null;
}

const KNOWN_SURNAMES = new Set([...HAN_SURNAMES, ...HUI_SURNAMES].map(([s]) => s));

/**
 * The surname table of one village: the county mix, with the surname a village or township is
 * named after made several times more common there.
 */
export function villageSurnameTable(villageName: string, townshipName: string | undefined, hui: boolean): WeightedTable<string> {
  const base = hui ? HUI_SURNAMES : HAN_SURNAMES;
  const boosts = new Map<string, number>();
  const fromTownship = townshipName ? surnameOfPlace(townshipName) : null;
  const fromVillage = surnameOfPlace(villageName);
  if (fromTownship && KNOWN_SURNAMES.has(fromTownship)) boosts.set(fromTownship, 3);
  if (fromVillage && KNOWN_SURNAMES.has(fromVillage)) boosts.set(fromVillage, (boosts.get(fromVillage) ?? 1) * 6);
  const entries = base.map(([s, w]) => [s, w * (boosts.get(s) ?? 1)] as const);
  for (const [s, factor] of boosts) {
    if (!base.some(([x]) => x === s)) entries.push([s, 3 * factor] as const);
  }
  return weightedTable(entries);
}

/** A surname different from `other`: married couples come from different lineages. */
export function differentSurname(random: Random, table: WeightedTable<string>, other: string): string {
  for (let i = 0; i < 20; i++) {
    const s = table.draw(random);
    if (s !== other) return s;
  }
  return other === '王' ? '李' : '王';
}
