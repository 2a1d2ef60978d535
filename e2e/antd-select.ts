/**
 * Choosing an option of an Ant Design select in a browser test, one way for every file: the select
 * opens, an optional search narrows its options (a long list renders only what is scrolled into
 * view), the option whose whole text is the label is clicked in the dropdown that is open, and the
 * select must then show the label. A click can land while the select re-renders (its options
 * arrive from a query) and be lost; it is tried again, three times in all, before failing.
 */
import type { Locator, Page } from 'playwright-core';
import { eventually } from './harness.js';

export type ChooseOptions = {
  /** Typed into the select's search first (it must have `showSearch`). */
  search?: string;
  /** Close the dropdown afterwards (a multiple select stays open after a choice). */
  close?: boolean;
  /** The select acts on the choice and empties itself (the bulk bar's 改状态): the caller checks the effect; no retry. */
  clears?: boolean;
};

/** `select`: the `.ant-select` element or its combobox input. */
export async function choose(page: Page, select: Locator, label: string, options: ChooseOptions = {}): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const input = (await select.evaluate((element) => element.tagName === 'INPUT')) ? select : select.locator('input').first();
  const shows = () => select.evaluate((element, wanted) => (element.closest('.ant-select')?.textContent ?? '').includes(wanted), label);
  for (let attempt = 1; ; attempt++) {
    if ((await input.getAttribute('aria-expanded')) !== 'true') await select.click();
    if (options.search !== undefined) await input.fill(options.search);
    await open.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) }).first().click();
    if (options.clears) return;
    try {
      await eventually(shows, `the select showing ${label}`, 3_000);
      if (options.close && (await input.getAttribute('aria-expanded')) === 'true') await page.keyboard.press('Escape');
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
