import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { artifactsDir, login } from './support/browser.ts';
import { PASSWORD, useJourney } from './support/journey.ts';

type Candidates = { items: { personId: number; name: string; idNumber: string; already: boolean }[] };
type TrainingPage = { items: { id: number; course: string }[] };
type Detail = { id: number; participantList: { personId: number; householdId: number; name: string }[] };

async function xlsx(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('参训人员');
  ws.addRow(['姓名', '证件号码', '是否结业', '证书编号']);
  for (const r of rows) ws.addRow(r);
  const file = join(mkdtempSync(join(tmpdir(), 'cb-trainings-')), '参训人员.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

// 技能培训 in the browser (issue 8 §6), as the county officer: a new course at 大王镇 teaching a skill, a participant
// added by search (the skill reaches the person's 掌握技能 and shows on the household page), then a participants file
// with an unknown ID number and a bad 是否结业: the row errors are read in the dialog and nothing is added; 390 px.
describe('trainings: create, add a participant, see the skill, import with row errors', () => {
  const j = useJourney('trainings');
  const stamp = Date.now().toString(36);
  const skill = `枣树嫁接${stamp}`;
  const course = `枣树嫁接技术培训${stamp}`;

  it('creates a training and adds a participant whose skills gain the course’s skill', async () => {
    const { page } = j;
    await login(page, j.server.url, 'county', PASSWORD);
    await page.goto(`${j.server.url}/trainings`);
    await page.getByTestId('training-add').click();
    const form = page.getByRole('dialog', { name: '新增培训' });
    await form.getByLabel('培训名称').fill(course);
    await form.getByLabel('组织单位所在地（县、乡镇或行政村）').click();
    await form.getByLabel('组织单位所在地（县、乡镇或行政村）').fill('大王镇');
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: '大王镇' }).first().click();
    await form.getByLabel('开始日期').fill(new Date().toISOString().slice(0, 10));
    await form.getByLabel('开始日期').press('Enter');
    await form.getByLabel('所授技能').fill(skill);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/trainings') && r.request().method() === 'POST');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);
    const training = (await res.json()) as { id: number };
    await page.waitForURL(`**/trainings/${training.id}`);

    const candidates = await j.api<Candidates>(`/trainings/${training.id}/candidates`);
    const person = candidates.items.find((c) => !c.already)!;
    expect(person, 'a person of 大王镇').toBeDefined();
    await page.getByTestId('participant-add').click();
    const add = page.getByRole('dialog', { name: '添加参训人员' });
    await add.getByLabel('输入姓名或证件号码查找本辖区人员').fill(person.idNumber);
    await add.getByLabel('输入姓名或证件号码查找本辖区人员').press('Enter');
    await add.getByTestId('participant-candidate').filter({ hasText: person.name }).first().click();
    await expect.poll(() => add.getByText(`结业后将“${skill}”记入该人员的掌握技能`).isVisible()).toBe(true);
    const posted = page.waitForResponse((r) => r.url().endsWith(`/api/v1/trainings/${training.id}/participants`));
    await add.getByRole('button', { name: /添加参训人员/ }).click();
    expect((await posted).status()).toBe(201);
    await expect.poll(() => page.getByText(`已添加 ${person.name}，并将“${skill}”记入其掌握技能`).isVisible()).toBe(true);
    await add
      .getByRole('button', { name: /关\s*闭/ })
      .last()
      .click();
    await expect.poll(() => page.getByTestId('participant-row').filter({ hasText: person.name }).first().isVisible()).toBe(true);

    const detail = await j.api<Detail>(`/trainings/${training.id}`);
    const householdId = detail.participantList.find((p) => p.personId === person.personId)!.householdId;
    await page.goto(`${j.server.url}/households/${householdId}`);
    await expect.poll(() => page.getByTestId('member-employment').filter({ hasText: skill }).first().isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'trainings-member-skill-1440.png'), fullPage: true });
  });

  it('imports participants: the unknown ID number and the bad 是否结业 are read as row errors, nothing added; fits 390 px', async () => {
    const { page } = j;
    const list = await j.api<TrainingPage>(`/trainings?q=${encodeURIComponent(course)}`);
    const id = list.items[0]!.id;
    const before = await j.api<Detail>(`/trainings/${id}`);
    const free = (await j.api<Candidates>(`/trainings/${id}/candidates`)).items.filter((c) => !c.already);
    await page.goto(`${j.server.url}/trainings/${id}`);
    await page.getByTestId('participant-import').click();
    const dialog = page.getByRole('dialog', { name: '导入参训人员' });
    await dialog.locator('input[type=file]').setInputFiles(
      await xlsx([
        [free[0]!.name, free[0]!.idNumber, '是', 'ZS-001'],
        ['查无此人', '110101199003070010', '是', ''],
        [free[1]!.name, free[1]!.idNumber, '已结业', ''],
      ]),
    );
    await page.getByTestId('participant-import-start').click();
    const issues = page.getByTestId('participant-import-issues');
    await expect.poll(() => issues.isVisible()).toBe(true);
    const text = await issues.innerText();
    expect(text).toContain('证件号码未在本辖区登记在册');
    expect(text).toContain('是否结业须填“是”或“否”');
    expect(text).toMatch(/3[\s\S]*证件号码/);
    expect(text).toMatch(/4[\s\S]*是否结业/);
    expect((await j.api<Detail>(`/trainings/${id}`)).participantList).toHaveLength(before.participantList.length);
    await page.screenshot({ path: join(artifactsDir, 'trainings-import-errors-1440.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'trainings-import-errors-390.png') });
    await dialog
      .getByRole('button', { name: /关\s*闭|取\s*消/ })
      .first()
      .click();
    await page.goto(`${j.server.url}/trainings`);
    await expect.poll(() => page.getByRole('link', { name: course }).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'trainings-list-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
