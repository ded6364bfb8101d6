/**
 * Brings the section a link named (options.html#data, #settings, #methodology, #source-E6) into
 * view. The page renders after the browser looked for the anchor, and sections above it fill in
 * as their data loads, so it scrolls once rendered and again while the page grows during the
 * first second, unless the reader has scrolled in the meantime.
 */
export function showHashTarget(doc: Document, hash: string, settleMs = 1000): void {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  if (!id) return;
  const target = doc.getElementById(id);
  if (!target) return;
  const win = doc.defaultView!;
  const scroll = () => target.scrollIntoView({ block: 'start' });
  scroll();
  let lastY = win.scrollY;
  const observer = new ResizeObserver(() => {
    if (Math.abs(win.scrollY - lastY) > 2) return observer.disconnect(); // the reader moved
    scroll();
    lastY = win.scrollY;
  });
  observer.observe(doc.body);
  win.setTimeout(() => observer.disconnect(), settleMs);
}
