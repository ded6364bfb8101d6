import type { CDPSession, Page } from '@playwright/test';

/**
 * The voucher chip lives in a closed shadow root: neither the page's scripts nor Playwright's
 * locators can reach in. The DevTools protocol can (as the browser's own inspector does), so
 * the tests read the chip and press its buttons with real (trusted) mouse and keyboard input.
 */
interface DomNode {
  nodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findHost(node: DomNode): DomNode | undefined {
  if (node.attributes?.includes('data-carbon-account')) return node;
  for (const child of node.children ?? []) {
    const found = findHost(child);
    if (found) return found;
  }
  return undefined;
}

async function withChip<T>(page: Page, selector: string, use: (cdp: CDPSession, nodeIds: number[]) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const shadow = findHost(root)?.shadowRoots?.[0];
    if (!shadow) return use(cdp, []);
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: shadow.nodeId, selector });
    return await use(cdp, nodeIds);
  } finally {
    await cdp.detach();
  }
}

export interface ChipElement {
  text: string;
  label: string | null;
}

/** Text and aria-label of the chip's elements matching `selector` (none when there is no chip). */
export function chipElements(page: Page, selector: string): Promise<ChipElement[]> {
  return withChip(page, selector, (cdp, ids) =>
    Promise.all(
      ids.map(async (nodeId) => {
        const { object } = await cdp.send('DOM.resolveNode', { nodeId });
        const { result } = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId!,
          functionDeclaration: 'function () { return { text: this.textContent.replace(/\\s+/g, " ").trim(), label: this.getAttribute("aria-label") }; }',
          returnByValue: true,
        });
        return result.value as ChipElement;
      }),
    ),
  );
}

/** The chip's whole text ('' when there is none). */
export async function chipText(page: Page): Promise<string> {
  return (await chipElements(page, 'section'))[0]?.text ?? '';
}

/** Presses the chip button labelled `label` with the real mouse. */
export async function pressChipButton(page: Page, label: string): Promise<void> {
  const box = await withChip(page, 'button', async (cdp, ids) => {
    for (const nodeId of ids) {
      const { node } = await cdp.send('DOM.describeNode', { nodeId });
      const attributes = node.attributes ?? [];
      const aria = attributes[attributes.indexOf('aria-label') + 1];
      if (attributes.includes('aria-label') && aria === label) {
        const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
        const [x1, y1, , , x3, y3] = model.content;
        return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
      }
    }
    return undefined;
  });
  if (!box) throw new Error(`no chip button labelled ${label}`);
  await page.mouse.click(box.x, box.y);
}
