/**
 * Issue 21 §7 in real Chromium: an admin imports a 5 000-row GBK CSV of contacts whose 电话 comes
 * in mixed formats with duplicates (in the file and against a contact already there) and a few
 * rows without a usable phone; maps it (suggested columns, one changed, saved as a template), sees
 * the dry-run report, runs it with the progress bar, rolls it back (the contact an agent edited
 * meanwhile is listed, not overwritten), and runs the same file again with the template.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import { chromiumPath, docScreenshot, startHarness, type Harness } from './harness.js';

const skip = chromiumPath() ? false : 'Chromium not found (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH)';
let h: Harness;

before(async () => {
  if (skip) return;
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const rowCount = 5000;
const mobile = (n: number) => String(13800000000 + n);
/** The same number as people type it: bare, +86 with dashes, spaced, 0086-prefixed. */
function written(n: number, style = n % 4): string {
  const digits = mobile(n);
  if (style === 0) return digits;
  if (style === 1) return `+86 ${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  if (style === 2) return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  return `0086${digits}`;
}

/**
 * Data row i has phone 1380000000i's number i, written in one of four ways; every 50th row repeats
 * the number of the row before it in another way (a duplicate in the file); every 1 000th row (at
 * 500) has no usable phone (rejected with its reason).
 */
function contactsCsv(): { file: Buffer; duplicates: number; invalid: number } {
  const lines = ['姓名,电话,邮箱,备注'];
  let duplicates = 0;
  let invalid = 0;
  for (let i = 1; i <= rowCount; i += 1) {
    let phone = written(i);
    if (i % 1000 === 500) {
      phone = '待补充';
      invalid += 1;
    } else if (i % 50 === 0) {
      phone = written(i - 1, i % 4);
      duplicates += 1;
    }
    lines.push(`客户${i},${phone},c${i}@example.com,老系统`);
  }
  return { file: iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'), duplicates, invalid };
}

test('an admin imports 5 000 GBK contacts: mapping, dry run, run with progress, rollback, run again', { skip, timeout: 120_000 }, async () => {
  const { file, duplicates, invalid } = contactsCsv();
  // Already in the system: row 7's number, so dedup finds it in the database.
  const existing = await h.api<{ id: string }>(h.users.admin, 'POST', '/api/v1/contacts', { name: '老客户', identities: [{ kind: 'phone', value: '138-0000-0007' }] });
  const created = rowCount - duplicates - invalid - 1;

  const page = await h.newPage({ user: h.users.admin });
  await page.goto('/settings/imports');
  await page.getByText('还没有导入任务').waitFor();
  await page.locator('input[type=file]').setInputFiles({ name: '老系统客户.csv', mimeType: 'text/csv', buffer: file });
  await page.waitForURL(/\/settings\/imports\/[0-9a-f-]{36}$/);
  await page.getByTestId('import-file-info').getByText(/GB18030.*表头在第 1 行/).waitFor();

  // Suggested: 姓名 → 名称 / 姓名, 电话 → 电话, 备注 → 备注; the admin ignores 邮箱 and keeps it as a template.
  const mapping = page.getByTestId('import-mapping');
  await mapping.locator('tr', { hasText: '电话' }).getByText('电话', { exact: true }).last().waitFor();
  await mapping.getByLabel('导入到 邮箱').click();
  await page.locator('.ant-select-dropdown:visible').getByText('忽略', { exact: true }).click();
  await page.getByLabel('模板名称').fill('老系统客户');
  await page.getByRole('button', { name: '保存为模板' }).click();
  await page.getByText('模板“老系统客户”已保存').waitFor();
  await page.getByRole('button', { name: '保存并继续' }).click();

  await page.getByText('跳过（保留已有记录）').waitFor();
  await page.getByRole('button', { name: '保存并继续' }).click();

  await page.getByRole('button', { name: '开始试运行' }).click();
  const report = page.getByTestId('dry-run-report');
  await report.getByText(`试运行报告（共 ${rowCount} 行，未写入任何数据）`).waitFor();
  const statistic = (scope: typeof report, title: string) => scope.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content-value');
  assert.equal(await statistic(report, '将新建').innerText(), created.toLocaleString('en'));
  assert.equal(await statistic(report, '将跳过').innerText(), String(duplicates + 1));
  assert.equal(await statistic(report, '将拒绝').innerText(), String(invalid));
  await page.getByTestId('dry-run-rejected').getByText('“电话”列的“待补充”不是有效的电话号码').first().waitFor();
  const download = await page.getByTestId('dry-run-rejected-download').getAttribute('href');
  assert.match(download!, /rejected\.xlsx\?of=dry-run$/);
  await docScreenshot(page, 'imports-dry-run.png');

  await page.getByRole('button', { name: '开始导入' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  const progress = page.getByTestId('import-progress');
  await progress.waitFor();
  await page.getByText('导入完成').waitFor({ timeout: 60_000 });
  await progress.getByText(`已处理 ${rowCount} / ${rowCount} 行`).waitFor();
  const counts = page.getByTestId('import-counts');
  assert.equal(await statistic(counts, '已新建').innerText(), created.toLocaleString('en'));
  assert.equal(await statistic(counts, '已拒绝').innerText(), String(invalid));

  // Mixed formats became one E.164 number: row 2 was typed "138 0000 0002", row 3 "0086…".
  const two = await h.api<{ id: string; name: string; phone: string }>(h.users.admin, 'GET', '/api/v1/contacts/lookup?phone=13800000002');
  assert.equal(two.name, '客户2');
  // An agent edits an imported contact before the rollback: it must be listed, not overwritten.
  const edited = await h.api<{ id: string }>(h.users.admin, 'GET', '/api/v1/contacts/lookup?phone=13800000003');
  await h.api(h.users.admin, 'PATCH', `/api/v1/contacts/${edited.id}`, { notes: '客户来电更新了地址' });

  await page.getByRole('button', { name: '回滚本次导入' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByTestId('import-rolled-back').waitFor({ timeout: 60_000 });
  await page.getByTestId('import-refused').getByText('第 4 行：导入后被修改过') // the file's line: the header is line 1.waitFor();
  await assert.rejects(h.api(h.users.admin, 'GET', '/api/v1/contacts/lookup?phone=13800000002'));
  assert.equal((await h.api<{ name: string }>(h.users.admin, 'GET', `/api/v1/contacts/${existing.id}`)).name, '老客户');

  // Again, with the template: the edited contact is now an existing one (skipped).
  await page.getByRole('link', { name: '返回导入列表' }).click();
  await page.getByTestId('import-jobs').getByText('老系统客户.csv').waitFor();
  await page.getByLabel('套用模板').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content', { hasText: /^老系统客户$/ }).click();
  await page.locator('input[type=file]').setInputFiles({ name: '老系统客户.csv', mimeType: 'text/csv', buffer: file });
  await page.waitForURL(/\/settings\/imports\/[0-9a-f-]{36}$/);
  assert.equal(await page.getByTestId('import-mapping').getByLabel('导入到 邮箱').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').innerText(), '忽略');
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.getByRole('button', { name: '开始试运行' }).click();
  await report.waitFor();
  assert.equal(await statistic(report, '将新建').innerText(), (created - 1).toLocaleString('en'));
  await page.getByRole('button', { name: '开始导入' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('导入完成').waitFor({ timeout: 60_000 });
  assert.equal(await statistic(page.getByTestId('import-counts'), '已新建').innerText(), (created - 1).toLocaleString('en'));
  assert.equal((await h.api<{ name: string }>(h.users.admin, 'GET', '/api/v1/contacts/lookup?phone=13800000002')).name, '客户2');
  h.assertNoPageErrors();
});
