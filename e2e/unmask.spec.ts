import { describe, expect, it } from 'vitest';
import { login } from './support/browser.ts';
import { PASSWORD, useJourney, type HouseholdDetail, type HouseholdPage } from './support/journey.ts';

// Issue 6 §1 in the browser: the village officer sees masked ID numbers in the members tab and asks for one
// member's full values with a reason (查看完整信息, an audited unmask).
describe('members: 查看完整信息', () => {
  const j = useJourney('unmask');

  it('the village officer sees masked values, gives a reason and is shown the full ID number', async () => {
    const { page } = j;
    await page.context().clearCookies();
    await login(page, j.server.url, 'dawang-cun', PASSWORD);
    const list = await j.api<HouseholdPage>('/households?pageSize=5');
    const detail = await j.api<HouseholdDetail>(`/households/${list.items[0]!.id}`);
    const member = detail.members[0]!;
    expect(member.idNumber).toContain('*');
    await page.goto(`${j.server.url}/households/${detail.id}?tab=members`);
    await page
      .getByRole('button', { name: `查看完整信息 ${member.name}` })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`查看 ${member.name} 的完整证件号码`) });
    await dialog.getByLabel('查看原因').fill('核对医保参保信息');
    await dialog.getByRole('button', { name: /查\s*看/ }).click();
    const full = dialog.getByText(/^\d{17}[\dX]$/);
    await expect.poll(() => full.isVisible()).toBe(true);
    const shown = await full.innerText();
    expect(shown.slice(0, 4)).toBe(member.idNumber.slice(0, 4));
    expect(shown.slice(-4)).toBe(member.idNumber.slice(-4));
  });
});
