// The layers of src/ (docs/architecture.md): each folder may import only the folders below it.
//   core ← detect, carbon ← platforms ← report ← messaging ← ledger ← rewards ← content, background ← ui
// entrypoints/ wire everything. `npm run layers` fails on a wrong-way import or any cycle.
const BELOW = {
  core: [],
  detect: ['core'],
  carbon: ['core'],
  platforms: ['core', 'detect', 'carbon'],
  // The reading report: collected in the content script, its format checked in the protocol, shown by the popup.
  report: ['core', 'detect', 'carbon', 'platforms'],
  messaging: ['core', 'platforms', 'report'],
  ledger: ['core', 'carbon', 'platforms'],
  rewards: ['core', 'carbon', 'platforms', 'ledger', 'messaging'],
  sync: ['core', 'carbon', 'platforms', 'ledger', 'messaging'],
  // The content script runs on every page of a linked shop: no ledger (Dexie), no background, no UI.
  content: ['core', 'detect', 'platforms', 'report', 'messaging'],
  background: ['core', 'detect', 'carbon', 'platforms', 'messaging', 'ledger', 'rewards', 'sync'],
  // Pages read the ledger and ask the background through the protocol; they never import it.
  ui: ['core', 'detect', 'carbon', 'platforms', 'report', 'messaging', 'ledger', 'rewards', 'sync'],
};

const layerRules = Object.entries(BELOW).map(([layer, allowed]) => ({
  name: `${layer}-points-down`,
  comment: `src/${layer} may import only ${allowed.length ? allowed.map((l) => `src/${l}`).join(', ') : 'nothing of ours'}`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: '^(src|entrypoints)/', pathNot: [`^src/(${[layer, ...allowed].join('|')})/`] },
}));

module.exports = {
  forbidden: [
    { name: 'no-cycle', comment: 'an import cycle', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'known-layer',
      comment: 'every folder of src/ has a place in the layers (add it to BELOW in .dependency-cruiser.cjs)',
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/(${Object.keys(BELOW).join('|')})/` },
      to: {},
    },
    { name: 'src-not-into-entrypoints', severity: 'error', from: { path: '^src/' }, to: { path: '^entrypoints/' } },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.wxt|\\.output)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
