import { makeIdNumber } from '@chanbang/domain';
import type { DemoRegion } from './demo-regions.ts';
import { pickGivenName, pickSurname } from './names.ts';
import { DISABILITY_TYPES, HEALTH_ORDER, OTHER_ETHNICITIES, schoolFor } from './national-fields.ts';
import type { Rng } from './prng.ts';

// Dictionary values are generated as their Chinese labels (what a person types in the import file);
// the loader resolves them to codes through the domain dictionaries.

/** 家庭成员 as generated. */
export type DemoPerson = {
  name: string;
  idNumber: string;
  gender: '1' | '2';
  birthDate: string;
  relation: string;
  isHead: boolean;
  laborCapacity: string;
  /** the most serious health value (the old single column) */
  healthStatus: string;
  /** 健康状况, every value (e.g. 长期慢性病 and 残疾) */
  healthStatuses: string[];
  disabilityType: string | null;
  disabilityGrade: string | null;
  /** 民族 label */
  ethnicity: string;
  /** 人口编号 (set once the household number is known) */
  personNo: string;
  /** exactly one of education / schoolStatus (在校生状况 for pupils and students) */
  education: string | null;
  schoolStatus: string | null;
  /** 务工时间（月）, for those who work */
  workMonths: number | null;
  employmentStatus: string;
  employmentPlace: string | null;
  wantsTraining: boolean;
  trainedThisYear: boolean;
  phone: string | null;
};

export type DemoIncome = {
  year: number;
  wage: number;
  business: number;
  businessExpense: number;
  property: number;
  transfer: number;
  /** 理赔收入 and 合规自付支出 (突发严重困难户: large medical bills, partly covered by insurance) */
  claimIncome: number;
  compliantSelfPaid: number;
};
export type DemoMeasure = { category: string; description: string; year: number; startDate: string; amountYuan: number | null };
export type DemoCase = {
  monitoringType: string;
  leadSource: string;
  leadDate: string;
  homeVisitDate: string;
  infoCheckDate: string;
  villageReviewDate: string;
  publicityStart: string;
  publicityEnd: string;
  townshipReviewDate: string;
  countyApprovalDate: string;
  status: 'monitoring' | 'eliminated';
  eliminationMethod: string | null;
  eliminationDate: string | null;
  incomeStableSince: string | null;
};

/** 户 as generated, with everything that hangs off it. */
export type DemoHousehold = {
  householdNo: string;
  regionCode: string;
  householdType: string;
  monitoringType: string | null;
  monitoringStatus: 'none' | 'monitoring' | 'eliminated';
  /** 是否脱贫户, and its category label (一般脱贫户 …) */
  isLifted: boolean;
  liftedCategory: string | null;
  riskTypes: string[];
  /** 三保障 and 饮水: assessed explicitly (true / false), null where not yet assessed */
  housingSecure: boolean | null;
  waterSecure: boolean | null;
  educationSecure: boolean | null;
  medicalSecure: boolean | null;
  address: string;
  phone: string | null;
  liftedYear: number | null;
  members: DemoPerson[];
  incomes: DemoIncome[];
  measures: DemoMeasure[];
  monitoringCase: DemoCase | null;
  /** key of the 帮扶责任人 (see {@link DemoHelper.key}) */
  helperKey: string | null;
};

export type DemoHelper = { key: string; regionCode: string; name: string; role: string; organisation: string; phone: string };

// Ages, measure years and income years follow the current year, so that rules that look at "this year's
// measures" (H1) see the demo as current. The data stay deterministic within a year.
const REF_YEAR = new Date().getUTCFullYear();
/** Income years generated (the two years before this one, for YoY). */
export const DEMO_INCOME_YEARS = [REF_YEAR - 2, REF_YEAR - 1] as const;

const RISKS = ['因病', '因残', '因学', '因自然灾害', '因意外事故', '因产业项目失败', '因务工就业不稳', '缺劳动力', '其他'];
const RISK_W = [34, 14, 10, 8, 6, 6, 12, 8, 2];
const MON_TYPES = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'];
const INDUSTRY_BY_TOWN: Record<string, string[]> = {
  大王镇: ['灵宝大枣种植', '大枣深加工务工', '大棚蔬菜种植'],
  阳店镇: ['苹果种植', '核桃种植', '桃园管理', '乡村旅游农家乐'],
  禹王路街道: ['大棚蔬菜种植', '乡村旅游民宿'],
};
const DEFAULT_INDUSTRY = ['灵宝大枣种植', '大棚蔬菜种植', '果品种植', '乡村旅游'];
const WORK_PLACES = ['三门峡市区', '灵宝市', '郑州市', '洛阳市', '西安市', '广东省东莞市', '浙江省宁波市', '江苏省苏州市'];

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}
function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}
function randomDate(rng: Rng, year: number): string {
  const d = new Date(Date.UTC(year, 0, 1));
  d.setUTCDate(d.getUTCDate() + rng.int(0, 364));
  return isoDate(d);
}
function phone(rng: Rng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

/**
 * State shared across one generated county: unique ID numbers, and a second random stream (`ext`) for the
 * national-export fields, so that adding them left every other generated value as it was.
 */
export type GenState = { usedIds: Set<string>; idPrefix: string; ext: Rng };

function makePerson(rng: Rng, st: GenState, male: boolean, birthYear: number, relation: string, surname: string): DemoPerson {
  const birth = randomDate(rng, birthYear);
  let id: string;
  for (;;) {
    let seq = rng.int(0, 499) * 2 + (male ? 1 : 0);
    if (seq === 0) seq = 2;
    const first17 = `${st.idPrefix}${birth.replaceAll('-', '')}${pad(seq, 3)}`;
    if (!st.usedIds.has(first17)) {
      st.usedIds.add(first17);
      id = makeIdNumber(first17);
      break;
    }
  }
  const age = REF_YEAR - birthYear;
  const health =
    age >= 65
      ? rng.weighted(['健康', '长期慢性病', '大病', '残疾'], [45, 40, 8, 7])
      : age >= 18
        ? rng.weighted(['健康', '长期慢性病', '大病', '残疾'], [84, 9, 3, 4])
        : rng.weighted(['健康', '长期慢性病', '残疾'], [95, 3, 2]);
  let labor: string;
  if (age < 16) labor = '无劳动力';
  else if (health === '大病' || health === '残疾') labor = rng.chance(0.6) ? '丧失劳动力' : '弱劳动力或半劳动力';
  else if (age >= 70) labor = '无劳动力';
  else if (age >= 60 || health === '长期慢性病') labor = '弱劳动力或半劳动力';
  else labor = rng.chance(0.18) ? '技能劳动力' : '普通劳动力';
  const education =
    age < 7
      ? null
      : age < 13
        ? '小学'
        : age < 16
          ? '初中'
          : age < 19 && rng.chance(0.7)
            ? '高中'
            : rng.weighted(['文盲或半文盲', '小学', '初中', '高中', '大专', '本科及以上'], age > 60 ? [25, 45, 25, 5, 0, 0] : [2, 15, 50, 20, 9, 4]);
  const canWork = labor === '普通劳动力' || labor === '技能劳动力';
  const employment = !canWork ? '未务工' : rng.weighted(['省外务工', '省内县外务工', '县内务工', '未务工'], [25, 25, 35, 15]);
  const ext = st.ext;
  const school = schoolFor(ext, age, education);
  const healthStatuses = [health];
  if (health === '长期慢性病' && age >= 50 && ext.chance(0.12)) healthStatuses.push('残疾');
  else if (health === '残疾' && ext.chance(0.3)) healthStatuses.unshift('长期慢性病');
  const disabled = healthStatuses.includes('残疾');
  const worst = healthStatuses.reduce((a, b) => (HEALTH_ORDER.indexOf(b) > HEALTH_ORDER.indexOf(a) ? b : a));
  const place =
    employment === '省外务工'
      ? rng.pick(WORK_PLACES.slice(5))
      : employment === '省内县外务工'
        ? rng.pick(WORK_PLACES.slice(1, 5))
        : employment === '县内务工'
          ? '三门峡市区'
          : null;
  return {
    name: surname + pickGivenName(rng, male, birthYear),
    idNumber: id,
    gender: male ? '1' : '2',
    birthDate: birth,
    relation,
    isHead: relation === '户主',
    laborCapacity: labor,
    healthStatus: worst,
    healthStatuses,
    disabilityType: disabled ? ext.weighted(DISABILITY_TYPES, [6, 6, 3, 55, 12, 10, 8]) : null,
    disabilityGrade: disabled ? ext.pick(['1', '2', '3', '4']) : null,
    ethnicity: ext.chance(0.96) ? '汉族' : ext.pick(OTHER_ETHNICITIES),
    personNo: '',
    education: school ? null : education,
    schoolStatus: school,
    workMonths: employment === '未务工' ? null : ext.weighted([ext.int(3, 6), ext.int(7, 9), ext.int(10, 12)], [15, 30, 55]),
    employmentStatus: employment,
    employmentPlace: place,
    wantsTraining: canWork && rng.chance(0.6),
    trainedThisYear: canWork && rng.chance(0.45),
    phone: age >= 18 && age < 75 && rng.chance(0.7) ? phone(rng) : null,
  };
}

function makeMembers(rng: Rng, st: GenState): DemoPerson[] {
  const headMale = rng.chance(0.86);
  const headYear = REF_YEAR - rng.weighted([rng.int(28, 44), rng.int(45, 59), rng.int(60, 84)], [30, 40, 30]);
  const surname = pickSurname(rng);
  const head = makePerson(rng, st, headMale, headYear, '户主', surname);
  const members = [head];
  const married = rng.chance(0.85);
  if (married) {
    const spouseYear = headYear + rng.int(-3, 5) * (headMale ? 1 : -1);
    members.push(makePerson(rng, st, !headMale, spouseYear, '配偶', pickSurname(rng)));
  }
  const motherYear = headMale ? (married ? headYear + 2 : headYear) : headYear;
  const kids = married ? rng.weighted([0, 1, 2, 3], [22, 40, 32, 6]) : rng.weighted([0, 1], [60, 40]);
  for (let k = 0; k < kids; k++) {
    const year = Math.min(REF_YEAR - 1, motherYear + rng.int(21, 36));
    if (year > REF_YEAR - 1) continue;
    const son = rng.chance(0.52);
    members.push(makePerson(rng, st, son, year, son ? '子' : '女', surname));
  }
  if (headYear > REF_YEAR - 58 && rng.chance(0.25)) {
    const parentYear = headYear - rng.int(22, 34);
    if (rng.chance(0.6)) members.push(makePerson(rng, st, false, parentYear, '母亲', pickSurname(rng)));
    if (rng.chance(0.45)) members.push(makePerson(rng, st, true, parentYear - rng.int(0, 4), '父亲', surname));
  }
  return members;
}

/**
 * Yearly incomes. `scale` shapes the level: 一般农户 1, 脱贫户 and eliminated monitored households 0.45, monitored
 * households still in monitoring 0.3 (their per-capita income sits around the monitoring line, as in practice).
 */
function incomes(rng: Rng, members: DemoPerson[], scale: number): DemoIncome[] {
  const workers = members.filter((m) => m.employmentStatus !== '未务工').length;
  const laborers = members.filter((m) => m.laborCapacity !== '无劳动力' && m.laborCapacity !== '丧失劳动力').length;
  const elderly = members.filter((m) => REF_YEAR - Number(m.birthDate.slice(0, 4)) >= 60).length;
  const lowIncome = scale < 1;
  let wage = workers * rng.int(14_000, 36_000) * scale;
  let business = laborers * rng.int(3_000, 12_000) * scale;
  let expense = business * (0.2 + rng.next() * 0.2);
  const property = rng.chance(0.4) ? rng.int(200, 3_000) : 0;
  const transfer = elderly * rng.int(1_500, 3_200) + (lowIncome ? rng.int(1_000, 5_000) : 0);
  const out: DemoIncome[] = [];
  for (const year of DEMO_INCOME_YEARS) {
    out.push({ year, wage: Math.round(wage), business: Math.round(business), businessExpense: Math.round(expense), property, transfer, claimIncome: 0, compliantSelfPaid: 0 });
    const growth = 1 + (rng.next() * 0.16 - 0.03);
    wage *= growth;
    business *= growth;
    expense *= growth;
  }
  return out;
}

const DEVELOPMENTAL = ['产业帮扶', '就业帮扶', '金融帮扶', '公益岗位帮扶'];

function measuresFor(rng: Rng, h: Pick<DemoHousehold, 'householdType' | 'members'>, town: string, withDev: boolean): DemoMeasure[] {
  if (h.householdType === '一般农户') return [];
  const out: DemoMeasure[] = [];
  const inds = INDUSTRY_BY_TOWN[town] ?? DEFAULT_INDUSTRY;
  const year = REF_YEAR;
  const start = randomDate(rng, year);
  if (withDev) {
    const n = rng.weighted([1, 2, 3], [50, 38, 12]);
    const cats = new Set<string>();
    while (cats.size < n) cats.add(rng.weighted(DEVELOPMENTAL, [45, 30, 15, 10]));
    for (const c of cats) {
      const description =
        c === '产业帮扶'
          ? `${rng.pick(inds)}到户产业奖补`
          : c === '就业帮扶'
            ? rng.pick(['稳岗就业补贴', '劳务输出交通补助', '帮扶车间就业'])
            : c === '金融帮扶'
              ? '脱贫人口小额信贷'
              : '乡村公益性岗位（保洁）';
      const amount =
        c === '金融帮扶' ? rng.pick([30_000, 40_000, 50_000]) : c === '公益岗位帮扶' ? 6_000 : c === '就业帮扶' ? rng.pick([300, 1_000, 2_000]) : rng.int(1_000, 5_000);
      out.push({ category: c, description, year, startDate: start, amountYuan: amount });
    }
  }
  const ill = h.members.some((m) => m.healthStatus !== '健康');
  if (ill) out.push({ category: '健康帮扶', description: '家庭医生签约、大病专项救治', year, startDate: start, amountYuan: null });
  if (h.members.some((m) => m.schoolStatus === '小学' || /^[七八九]年级$/.test(m.schoolStatus ?? '')))
    out.push({ category: '义务教育保障', description: '义务教育阶段资助', year, startDate: start, amountYuan: 1_000 });
  if (!withDev && !h.members.some((m) => m.laborCapacity === '普通劳动力' || m.laborCapacity === '技能劳动力')) {
    out.push({ category: '综合保障', description: '纳入农村低保', year, startDate: start, amountYuan: rng.int(3_000, 6_000) });
  }
  return out;
}

function monitoringCase(rng: Rng, type: string, eliminated: boolean): DemoCase {
  const lead = randomDate(rng, rng.pick([REF_YEAR - 3, REF_YEAR - 2]));
  const visit = addDays(lead, rng.int(1, 3));
  const check = addDays(visit, rng.int(1, 2));
  const review = addDays(check, rng.int(1, 2));
  const pubStart = addDays(review, 1);
  const pubEnd = addDays(pubStart, 5);
  const town = addDays(pubEnd, 1);
  const county = addDays(town, rng.int(0, 1));
  const elimDate = eliminated ? randomDate(rng, REF_YEAR - 1) : null;
  return {
    monitoringType: type,
    leadSource: rng.weighted(['农户自主申报', '基层干部排查', '部门筛查预警'], [25, 50, 25]),
    leadDate: lead,
    homeVisitDate: visit,
    infoCheckDate: check,
    villageReviewDate: review,
    publicityStart: pubStart,
    publicityEnd: pubEnd,
    townshipReviewDate: town,
    countyApprovalDate: county,
    status: eliminated ? 'eliminated' : 'monitoring',
    eliminationMethod: eliminated ? rng.weighted(['帮扶消除', '自然消除'], [80, 20]) : null,
    eliminationDate: elimDate,
    incomeStableSince: elimDate ? addDays(elimDate, -rng.int(185, 300)) : null,
  };
}

/** Options of {@link generateHouseholds}. */
export type HouseholdGenOptions = {
  /** total households, spread over the groups of the region tree */
  households: number;
  /** share of monitored households with labor that lack a development-type measure (H1 gaps) */
  h1GapRate: number;
};

/**
 * Generates households group by group (deterministic for a seed). Yields one at a time so that a
 * 100 000-household county is written to a file without holding it in memory.
 */
export function* generateHouseholds(rng: Rng, regions: DemoRegion[], helpers: DemoHelper[], opts: HouseholdGenOptions): Generator<DemoHousehold> {
  const st: GenState = { usedIds: new Set(), idPrefix: regions.find((r) => r.level === 'county')?.prefix ?? '411272', ext: rng.fork('national-fields') };
  const ext = st.ext;
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const groups = regions.filter((r) => r.level === 'group');
  const helpersByVillage = new Map<string, DemoHelper[]>();
  for (const h of helpers) if (h.role === '帮扶责任人') helpersByVillage.set(h.regionCode, [...(helpersByVillage.get(h.regionCode) ?? []), h]);
  const perGroup = Math.floor(opts.households / groups.length);
  let extra = opts.households - perGroup * groups.length;
  for (const g of groups) {
    const village = byCode.get(g.parentCode ?? '');
    const town = byCode.get(village?.parentCode ?? '');
    const n = perGroup + (extra-- > 0 ? 1 : 0);
    const villageHelpers = helpersByVillage.get(village?.code ?? '') ?? [];
    for (let i = 0; i < n; i++) {
      const members = makeMembers(rng, st);
      const type = rng.weighted(['脱贫户', '监测户', '一般农户'], [50, 18, 32]);
      const monType = type === '监测户' ? rng.weighted(MON_TYPES, [38, 47, 15]) : null;
      const eliminated = monType !== null && rng.chance(0.3);
      const risks = new Set<string>();
      if (monType) {
        const k = rng.weighted([1, 2, 3], [60, 30, 10]);
        while (risks.size < k) risks.add(rng.weighted(RISKS, RISK_W));
      }
      const hasLabor = members.some((m) => m.laborCapacity === '普通劳动力' || m.laborCapacity === '技能劳动力' || m.laborCapacity === '弱劳动力或半劳动力');
      const withDev = type !== '一般农户' && hasLabor && !(monType && !eliminated && rng.chance(opts.h1GapRate));
      const head = members[0] as DemoPerson;
      const houseNo = i + 1;
      const householdNo = `${g.code.slice(0, 12)}${g.code.slice(13)}${pad(houseNo, 3)}`;
      members.forEach((m, k) => {
        m.personNo = `${householdNo}${pad(k + 1)}`;
      });
      // 是否脱贫户 apart from the monitoring category: 脱贫不稳定户 come from the 脱贫户, 边缘易致贫户 never,
      // 突发严重困难户 from either (domain-standards §1.2)
      const isLifted = type === '脱贫户' || monType === '脱贫不稳定户' || (monType === '突发严重困难户' && ext.chance(0.4));
      const housingSecure = !(monType && rng.chance(0.05));
      const medicalSecure = !(monType && rng.chance(0.03));
      // 三保障 assessed explicitly: most secure, some problems, a few not assessed yet (never for eliminated risk)
      const assessed = (secure: boolean, problemRate: number): boolean | null =>
        eliminated ? true : ext.chance(type === '一般农户' ? 0.1 : 0.03) ? null : secure && !ext.chance(problemRate);
      const h: DemoHousehold = {
        householdNo,
        regionCode: g.code,
        householdType: type,
        monitoringType: monType,
        monitoringStatus: monType ? (eliminated ? 'eliminated' : 'monitoring') : 'none',
        isLifted,
        liftedCategory: isLifted ? ext.weighted(['一般脱贫户', '低保脱贫户', '特困供养脱贫户', '脱贫不享受政策户'], [70, 20, 5, 5]) : null,
        riskTypes: [...risks],
        housingSecure: assessed(housingSecure, 0),
        waterSecure: assessed(true, monType ? 0.02 : 0.005),
        educationSecure: assessed(true, monType ? 0.01 : 0),
        medicalSecure: assessed(medicalSecure, 0),
        address: `河南省三门峡市${town?.name ?? ''}${village?.name ?? ''}${g.name}${houseNo}号`,
        phone: head.phone,
        liftedYear: type === '脱贫户' ? rng.weighted([2016, 2017, 2018, 2019, 2020], [15, 25, 25, 25, 10]) : null,
        members,
        incomes: incomes(rng, members, type === '一般农户' ? 1 : monType && !eliminated ? 0.3 : 0.45),
        measures: [],
        monitoringCase: monType ? monitoringCase(rng, monType, eliminated) : null,
        helperKey: type !== '一般农户' && villageHelpers.length ? rng.pick(villageHelpers).key : null,
      };
      h.measures = measuresFor(rng, h, town?.name ?? '', withDev);
      if (monType === '突发严重困难户') {
        for (const x of h.incomes) {
          x.compliantSelfPaid = ext.int(8_000, 40_000);
          x.claimIncome = Math.round(x.compliantSelfPaid * (0.2 + ext.next() * 0.4));
        }
      }
      yield h;
    }
  }
}

/** One 第一书记, two 驻村工作队 members and a few 帮扶责任人 per village; a 科技特派员 per township. */
export function generateHelpers(rng: Rng, regions: DemoRegion[], perVillage: number): DemoHelper[] {
  const out: DemoHelper[] = [];
  const orgs = ['区农业农村局', '区乡村振兴局', '区财政局', '区组织人社局', '区社会事业局', '区发展改革局'];
  for (const r of regions) {
    if (r.level === 'township') {
      out.push({
        key: `${r.code}-t`,
        regionCode: r.code,
        name: pickSurname(rng) + pickGivenName(rng, rng.chance(0.6), 1978),
        role: '科技特派员',
        organisation: '区农业科技专家团队',
        phone: phone(rng),
      });
    }
    if (r.level !== 'village') continue;
    const org = rng.pick(orgs);
    out.push({
      key: `${r.code}-s`,
      regionCode: r.code,
      name: pickSurname(rng) + pickGivenName(rng, rng.chance(0.7), 1985),
      role: '第一书记',
      organisation: org,
      phone: phone(rng),
    });
    for (let i = 0; i < 2; i++)
      out.push({
        key: `${r.code}-w${i}`,
        regionCode: r.code,
        name: pickSurname(rng) + pickGivenName(rng, rng.chance(0.6), 1990),
        role: '驻村工作队',
        organisation: org,
        phone: phone(rng),
      });
    for (let i = 0; i < perVillage; i++)
      out.push({
        key: `${r.code}-h${i}`,
        regionCode: r.code,
        name: pickSurname(rng) + pickGivenName(rng, rng.chance(0.6), 1980),
        role: '帮扶责任人',
        organisation: rng.pick(orgs),
        phone: phone(rng),
      });
  }
  return out;
}
