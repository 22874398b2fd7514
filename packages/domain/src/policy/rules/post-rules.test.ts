import { describe, expect, it } from 'vitest';
import { getPack } from '../packs/index.ts';
import { findRule, getRuleConfig } from '../rule-registry.ts';
import { J4_RULE, J5_RULE, type EmployerFacts, type PostFacts } from './post-rules.ts';

// J5: 003 §二(二)4 (三门峡示范区 pack); J4: 002 §二(二)3 (晋城 pack, 2023: 1/3 and 一半).

const j5 = getRuleConfig(getPack('sanmenxia'), 'J5');
const j4 = getRuleConfig(getPack('jincheng'), 'J4');

const post = (over: Partial<PostFacts> = {}): PostFacts => ({
  postId: 7,
  regionCode: '411201100201',
  name: '张庄村保洁员',
  status: 'filled',
  createdOn: '2024-01-05',
  closedOn: null,
  holdings: [{ appointmentId: 1, personName: '王桂花', startedOn: '2024-01-10', endedOn: null, exitReason: null, paidMonths: ['2024-01', '2024-02', '2024-03'] }],
  asOf: '2024-04-15',
  ...over,
});

describe('J5 公益性岗位 lifecycle (003 §二(二)4)', () => {
  it('is registered and in the demo zone pack', () => {
    expect(findRule('J5')).toBe(J5_RULE);
    expect(findRule('J4')).toBe(J4_RULE);
    expect(j5.clause).toBe('003 §二(二)4');
  });
  it('a filled post, paid for every completed month, is in order', () => {
    const r = J5_RULE.evaluate([post()], j5, { year: 2024 });
    expect(r.records![0]).toMatchObject({ key: '7', met: true });
  });
  it('在岗未领补: March unpaid is listed with the holder', () => {
    const r = J5_RULE.evaluate([post({ holdings: [{ ...post().holdings[0]!, paidMonths: ['2024-01', '2024-02'] }] })], j5, { year: 2024 });
    expect(r.failing[0]).toMatchObject({ key: '7', groupCode: 'unpaid', reasonZh: '「张庄村保洁员」在岗未领补：王桂花 2024年3月' });
  });
  it('a past year is judged to its December', () => {
    const r = J5_RULE.evaluate([post({ asOf: '2025-02-01' })], j5, { year: 2024 });
    expect(r.failing[0]?.reasonZh).toBe('「张庄村保洁员」在岗未领补：王桂花 2024年4月、5月、6月、7月、8月、9月、10月、11月、12月');
  });
  it.each([
    ['filled without holder', { holdings: [] }, '「张庄村保洁员」岗位显示在岗但无在岗人员'],
    ['open with a holder', { status: 'open' }, '「张庄村保洁员」岗位待聘但仍有在岗人员王桂花'],
    [
      'paid after exit, exit without reason',
      {
        status: 'open',
        holdings: [{ appointmentId: 1, personName: '王桂花', startedOn: '2024-01-10', endedOn: '2024-02-05', exitReason: null, paidMonths: ['2024-01', '2024-02', '2024-03'] }],
      },
      '「张庄村保洁员」王桂花在2024年3月不在岗却领取补贴；王桂花退岗未记录原因',
    ],
  ])('lifecycle: %s', (_w, over, zh) => {
    const r = J5_RULE.evaluate([post(over as Partial<PostFacts>)], j5, { year: 2024 });
    expect(r.failing[0]).toMatchObject({ groupCode: 'lifecycle', reasonZh: zh });
  });
  it('有序退岗: an active holding whose holder left the registry fails; months after the exit are neither due nor payable', () => {
    const dead = { ...post().holdings[0]!, holderExitReason: 'death', holderExitDate: '2024-02-20', paidMonths: ['2024-01', '2024-02'] };
    const r = J5_RULE.evaluate([post({ holdings: [dead] })], j5, { year: 2024 });
    expect(r.failing[0]).toMatchObject({ groupCode: 'lifecycle', reasonZh: '「张庄村保洁员」持岗人员王桂花已自然减少（死亡，2024-02-20），未办理退岗' });
    const paidAfter = J5_RULE.evaluate(
      [post({ status: 'open', holdings: [{ ...dead, endedOn: '2024-04-01', exitReason: 'other', paidMonths: ['2024-01', '2024-02', '2024-03'] }] })],
      j5,
      {
        year: 2024,
      },
    );
    expect(paidAfter.failing[0]?.reasonZh).toBe('「张庄村保洁员」王桂花在2024年3月不在岗却领取补贴');
    // the exit from the post recorded late: March is not 在岗未领补
    const late = J5_RULE.evaluate([post({ status: 'open', holdings: [{ ...dead, endedOn: '2024-04-01', exitReason: 'other' }] })], j5, { year: 2024 });
    expect(late.records![0]).toMatchObject({ met: true });
  });
  it('a post closed before the year, or set after it, is not judged', () => {
    const r = J5_RULE.evaluate([post({ status: 'closed', closedOn: '2023-12-31', holdings: [] }), post({ postId: 8, createdOn: '2025-01-02' })], j5, { year: 2024 });
    expect(r.total).toBe(0);
  });
});

const entity = (over: Partial<Extract<EmployerFacts, { kind: 'entity' }>> = {}): EmployerFacts => ({
  kind: 'entity',
  entityId: 31,
  regionCode: '140521100201',
  name: '安置区食品加工园',
  entityType: 'enterprise',
  isRelocationPark: true,
  status: 'active',
  employeeCount: 30,
  liftedEmployed: 10,
  ...over,
});

describe('J4 (002 §二(二)3): parks ≥ 1/3 脱贫人口, public posts ≥ 一半', () => {
  it('the pack carries 1/3 and 0.5 for 2023', () => {
    expect(j4.params).toEqual({ minRelocationParkShare: 1 / 3, minPublicPostShare: 0.5 });
  });
  it('is re-gathered for the whole county (a workshop employs persons of other villages); its subjects stay records', () => {
    expect([J4_RULE.subjectLevel, J4_RULE.refreshLevel, J5_RULE.refreshLevel]).toEqual(['record', 'county', 'township']);
  });
  it.each([
    ['10 of 30 = 1/3', {}, true, 0.3333],
    ['9 of 30', { liftedEmployed: 9 }, false, 0.3],
    ['a workshop that is not a park: 4 of 12', { isRelocationPark: false, entityType: 'workshop', employeeCount: 12, liftedEmployed: 4 }, true, 0.3333],
  ])('%s', (_w, over, met, value) => {
    const r = J4_RULE.evaluate([entity(over)], j4, { year: 2023 });
    expect(r.records![0]).toMatchObject({ key: '31', met, value, threshold: 1 / 3 });
  });
  it('职工人数未填报 is not met; an ordinary enterprise and a closed park are not judged', () => {
    const r = J4_RULE.evaluate([entity({ employeeCount: null }), entity({ entityId: 32, isRelocationPark: false }), entity({ entityId: 33, status: 'closed' })], j4, {
      year: 2023,
    });
    expect(r.total).toBe(1);
    expect(r.failing[0]?.reasonZh).toBe('安置区加工园区「安置区食品加工园」职工人数未填报，无法计算吸纳脱贫人口就业比例');
  });
  it('village posts: holders on post on the judged day, half 脱贫劳动力', () => {
    const village: EmployerFacts = {
      kind: 'village_posts',
      regionCode: '140521100201',
      name: '东村',
      asOf: '2023-08-01',
      holders: [
        { startedOn: '2023-01-01', endedOn: null, lifted: true },
        { startedOn: '2023-01-01', endedOn: null, lifted: false },
        { startedOn: '2023-01-01', endedOn: '2023-05-31', lifted: true },
        { startedOn: '2023-09-01', endedOn: null, lifted: false },
      ],
    };
    const r = J4_RULE.evaluate([village, entity()], j4, { year: 2023 });
    expect(r.records!.find((x) => x.key === 'posts:140521100201')).toMatchObject({ met: true, value: 0.5, threshold: 0.5, groupCode: 'public_posts' });
    const end = J4_RULE.evaluate([{ ...village, asOf: '2024-03-01' }], j4, { year: 2023 });
    expect(end.records![0]).toMatchObject({ met: false, value: 0.3333, reasonZh: '东村公益性岗位在岗 3 人，其中脱贫劳动力 1 人，占 33.3%，低于 50%' });
  });
  it('试算 example: 10 of 30 employees', () => {
    const f = J4_RULE.sandbox!.toFacts(J4_RULE.sandbox!.example, 2023);
    expect(J4_RULE.evaluate([f], j4, { year: 2023 }).status).toBe('met');
  });
});
