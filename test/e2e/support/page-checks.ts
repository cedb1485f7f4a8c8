import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core in the page; devtools evaluation is not bound by the page's CSP, a script tag would be. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const { violations, passes } = await page.evaluate(async () => {
    type Rule = { id: string; impact: string; nodes: Array<{ target: unknown }> };
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Rule[]; passes: Rule[] }> } })
      .axe;
    const results = await axe.run();
    return { violations: results.violations, passes: results.passes.length };
  });
  // A run that checked nothing would pass silently.
  expect(passes).toBeGreaterThan(10);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/**
 * Runs in the page: every text that does not fit, as "tag: text (why)". A text is cut when its block is
 * narrower than what it holds, and lost when it sits outside the window sideways (what a wrongly
 * mirrored right-to-left layout does); the page itself must not scroll sideways. Visually hidden texts
 * are small on purpose and skipped.
 */
export function unfitTextsInPage(): string[] {
  const found: string[] = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth > width) found.push(`the page: ${root.scrollWidth}px wide in a ${width}px window`);
  for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
    const text = [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent ?? '')
      .join('')
      .trim();
    if (!text || element.closest('.visually-hidden, option, script, style')) continue;
    const label = `${element.tagName.toLowerCase()}: ${text.slice(0, 40)}`;
    const box = element.getBoundingClientRect();
    if (box.width === 0) continue;
    if (box.left < -1 || box.right > width + 1) {
      found.push(`${label} (outside the window: ${Math.round(box.left)}…${Math.round(box.right)})`);
    }
    const display = getComputedStyle(element).display;
    if (display !== 'inline' && element.scrollWidth > element.clientWidth + 1) {
      found.push(`${label} (${element.scrollWidth}px of text in a ${element.clientWidth}px box)`);
    }
  }
  return found;
}
