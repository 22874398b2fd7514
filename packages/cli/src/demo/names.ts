import type { Rng } from './prng.ts';

// Surnames with relative frequencies, roughly following the national ranking (公安部户籍统计) with a
// Henan tilt (王, 李, 张, 刘 lead there). Weights are per mille of the population covered here.
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 96],
  ['李', 84],
  ['张', 80],
  ['刘', 64],
  ['陈', 38],
  ['杨', 36],
  ['赵', 30],
  ['黄', 14],
  ['周', 18],
  ['吴', 12],
  ['徐', 12],
  ['孙', 16],
  ['胡', 10],
  ['朱', 12],
  ['高', 14],
  ['林', 5],
  ['何', 8],
  ['郭', 16],
  ['马', 14],
  ['罗', 6],
  ['梁', 8],
  ['宋', 12],
  ['郑', 10],
  ['谢', 6],
  ['韩', 10],
  ['唐', 6],
  ['冯', 10],
  ['于', 8],
  ['董', 10],
  ['萧', 3],
  ['程', 9],
  ['曹', 9],
  ['袁', 7],
  ['邓', 5],
  ['许', 9],
  ['傅', 4],
  ['沈', 4],
  ['曾', 3],
  ['彭', 5],
  ['吕', 8],
  ['苏', 6],
  ['卢', 7],
  ['蒋', 4],
  ['蔡', 5],
  ['贾', 9],
  ['丁', 6],
  ['魏', 8],
  ['薛', 7],
  ['叶', 4],
  ['阎', 6],
  ['余', 4],
  ['潘', 4],
  ['杜', 7],
  ['戴', 3],
  ['夏', 4],
  ['钟', 3],
  ['汪', 3],
  ['田', 7],
  ['任', 7],
  ['姜', 5],
  ['范', 6],
  ['方', 4],
  ['石', 6],
  ['姚', 5],
  ['谭', 3],
  ['廖', 2],
  ['邹', 3],
  ['熊', 3],
  ['金', 3],
  ['陆', 3],
  ['郝', 6],
  ['孔', 4],
  ['白', 6],
  ['崔', 6],
  ['康', 5],
  ['毛', 4],
  ['邱', 3],
  ['秦', 6],
  ['江', 3],
  ['史', 5],
  ['顾', 2],
  ['侯', 6],
  ['邵', 3],
  ['孟', 6],
  ['龙', 2],
  ['万', 3],
  ['段', 5],
  ['雷', 4],
  ['钱', 2],
  ['汤', 3],
  ['尹', 4],
  ['黎', 1],
  ['易', 2],
  ['常', 5],
  ['武', 6],
  ['乔', 5],
  ['贺', 4],
  ['赖', 1],
  ['龚', 2],
  ['文', 3],
  ['屈', 3],
  ['翟', 3],
  ['上官', 1],
  ['司马', 1],
];
const SURNAME_LIST = SURNAMES.map(([s]) => s);
const SURNAME_WEIGHTS = SURNAMES.map(([, w]) => w);

// Given-name characters by generation: rural names born before ~1970 lean on 建/国/秀/兰, later ones on
// 浩/子/欣/涵. Two-character given names dominate; about a fifth are single characters.
const MALE_OLD = '建国志明德华文军永福全海春生忠庆林发保成有金山平安喜根来旺长顺贵'.split('');
const MALE_NEW = '浩宇轩博涛鹏飞杰俊晨子豪睿阳磊超伟强斌鑫航帅凯旭东明亮'.split('');
const FEMALE_OLD = '秀兰英芳桂花玉梅凤珍香荣琴霞云翠娥菊爱巧红丽'.split('');
const FEMALE_NEW = '欣怡婷雪静佳琪晓梦雨涵诗悦瑶璐娜颖倩丹敏慧洁萱'.split('');

/** The most common surname list, for tests and documentation. */
export const COMMON_SURNAMES: readonly string[] = SURNAME_LIST;

/** Picks a surname by national frequency. */
export function pickSurname(rng: Rng): string {
  return rng.weighted(SURNAME_LIST, SURNAME_WEIGHTS);
}

/**
 * Picks a given name fitting the person's sex and birth year.
 * @param male true for a man
 * @param birthYear e.g. 1958
 */
export function pickGivenName(rng: Rng, male: boolean, birthYear: number): string {
  const old = birthYear < 1975;
  const chars = male ? (old ? MALE_OLD : MALE_NEW) : old ? FEMALE_OLD : FEMALE_NEW;
  if (rng.chance(0.2)) return rng.pick(chars);
  let a = rng.pick(chars);
  let b = rng.pick(chars);
  if (a === b && rng.chance(0.7)) b = rng.pick(chars);
  if (!old && rng.chance(0.15)) a = rng.pick(male ? MALE_OLD : FEMALE_OLD);
  return a + b;
}
