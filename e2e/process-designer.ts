/** The process designer (设置 › 流程) as the browser tests drive it: its nodes, edges, and a line drawn by hand. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export const node = (page: Page, id: string) => page.getByTestId(`process-node-${id}`);
export const edge = (page: Page, id: string) => page.getByTestId(`process-edge-${id}`);
export const flowNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Draw a transition as a person does: press on the source's right handle, release on the target's left one. */
export async function drawLine(page: Page, from: string, to: string): Promise<void> {
  const source = await flowNode(page, from).locator('.react-flow__handle.source').boundingBox();
  const target = await flowNode(page, to).locator('.react-flow__handle.target').boundingBox();
  assert.ok(source && target);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
  await page.mouse.up();
}
