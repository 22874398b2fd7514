import type { Locator, Page } from 'playwright-core';

/** Resolves true once `check` passes within `ms`, false otherwise (no throw). */
async function within(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * Chooses `option` in the select labelled `label` inside `scope` and waits until the form item shows it. On a loaded
 * machine a click on an option can land while the dropdown re-renders its list and select nothing; an officer would
 * simply choose again, and so does this (three tries). `search`: what to type into a select that searches.
 */
export async function chooseOption(page: Page, scope: Locator, label: string, option: string, opts: { search?: string } = {}): Promise<void> {
  // the innermost form item that holds the labelled control
  const item = scope
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label) })
    .last();
  await chooseOptionOf(page, scope.getByLabel(label), item, option, { ...opts, name: label });
}

/**
 * {@link chooseOption} for a control found otherwise (one of several selects with the same label, e.g. the second
 * row's 资金来源): `control` is clicked (or typed into with `search`), `shown` must then show `option`.
 */
export async function chooseOptionOf(page: Page, control: Locator, shown: Locator, option: string, opts: { search?: string; name?: string } = {}): Promise<void> {
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option });
  for (let attempt = 1; ; attempt++) {
    // open the dropdown unless a missed try left it open; a searching select is typed into
    if (!(await options.first().isVisible())) {
      if (opts.search === undefined) await control.click();
      else await control.fill(opts.search);
    }
    await options.first().click();
    if (await within(3_000, async () => (await shown.innerText()).includes(option))) return;
    if (attempt === 3) throw new Error(`「${opts.name ?? 'select'}」did not take the option「${option}」after ${attempt} tries`);
    console.warn(`chooseOption: 「${opts.name ?? 'select'}」missed「${option}」, try ${attempt + 1}`);
  }
}

/** Clicks `trigger` until the dialog named `name` is open (three tries; see {@link chooseOption}), and returns it. */
export async function openDialog(page: Page, trigger: Locator, name: string | RegExp): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  for (let attempt = 1; ; attempt++) {
    // a later click may meet the dialog's mask if the dialog is only slow to open: then it is left, and looked for again
    if (attempt === 1) await trigger.click();
    else await trigger.click({ timeout: 3_000 }).catch(() => undefined);
    if (await within(5_000, () => dialog.isVisible())) return dialog;
    if (attempt === 3) throw new Error(`the dialog「${String(name)}」did not open after ${attempt} clicks`);
    console.warn(`openDialog: 「${String(name)}」not open, click ${attempt + 1}`);
  }
}

/**
 * Clicks `button` of an open dialog until every dialog of the page is closed (three tries; see {@link chooseOption}).
 * On a loaded machine a click can land while the dialog is still opening and do nothing; a click on a button whose
 * request is already under way meets its loading state and does nothing either, so nothing is sent twice.
 */
export async function confirmDialog(page: Page, button: Locator): Promise<void> {
  const open = page.locator('.ant-modal:visible');
  for (let attempt = 1; ; attempt++) {
    if (attempt === 1) await button.click();
    else await button.click({ timeout: 3_000 }).catch(() => undefined);
    if (await within(10_000, async () => (await open.count()) === 0)) return;
    if (attempt === 3) throw new Error(`the dialog was still open after ${attempt} clicks on its button`);
    console.warn(`confirmDialog: still open, click ${attempt + 1}`);
  }
}
