/**
 * The run's one Chromium is shared by the browser test processes (e2e/shared-browser.ts). Each
 * process's connection also sees the pages of the others; it must leave their settings alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumPath, connectBrowser, launchShareableBrowser } from './shared-browser.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';

test('a test process connecting to the shared Chromium leaves the reduced-motion setting of another process\'s page as it was', { skip, timeout: 60_000 }, async () => {
  const { browser: shared, endpoint } = await launchShareableBrowser();
  try {
    const first = await connectBrowser(endpoint);
    const context = await first.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.setContent('<p>一</p>');
    const reduced = () => page.evaluate(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches);
    assert.equal(await reduced(), true, 'the page prefers reduced motion');
    // The second connection attaches to the first one's page while it connects (and files it under
    // its own default context); before the fix its empty media emulation reached the page then.
    const second = await connectBrowser(endpoint);
    assert.equal(await reduced(), true, 'still reduced after another process connected');
    const secondsPage = await (await second.newContext()).newPage();
    await secondsPage.setContent('<p>二</p>');
    assert.equal(await reduced(), true, 'still reduced after the other process opened a page of its own');
    assert.equal(await secondsPage.evaluate(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches), false, 'the other page has no such setting');
    await second.close();
    await first.close();
  } finally {
    await shared.close();
  }
});
