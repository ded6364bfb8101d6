// happy-dom (21.0.4) knows no `:enabled` (an unknown pseudo-class there matches nothing), which
// every browser has; the detector's control query uses it. This spells it out as the HTML
// standard defines it before happy-dom reads a selector. Real browsers run the query itself in
// the end-to-end tests.
import QuerySelector from 'happy-dom/lib/query-selector/QuerySelector.js';

const ENABLED = ':is(button,input,select,textarea,optgroup,option,fieldset):not(:disabled)';

type Query = (node: unknown, selector: string, ...rest: unknown[]) => unknown;
const queries = QuerySelector as unknown as Record<'querySelectorAll' | 'querySelector' | 'matches', Query>;
for (const method of ['querySelectorAll', 'querySelector', 'matches'] as const) {
  const query = queries[method].bind(QuerySelector);
  queries[method] = (node, selector, ...rest) => query(node, selector.replaceAll(':enabled', ENABLED), ...rest);
}
