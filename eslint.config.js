// Source rules that keep the extension safe to publish: no code from strings, and no HTML
// written from strings (page data must never reach innerHTML). See PRIVACY.md and issue #9.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noHtmlFromStrings = [
  {
    selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML|srcdoc)$/]",
    message: 'Do not write HTML from strings; build DOM nodes or Preact elements.',
  },
  {
    selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|parseFromString)$/]",
    message: 'Do not parse HTML from strings in extension code.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'document.write is not allowed.',
  },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'dangerouslySetInnerHTML is not allowed.' },
];

export default tseslint.config(
  { ignores: ['.dependency-cruiser.cjs', '.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'demo-output/**', 'bench/**', 'scripts/**', 'tests/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-syntax': ['error', ...noHtmlFromStrings],
      '@typescript-eslint/no-explicit-any': 'error',
      // `const { id, ...rest } = row` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-undef': 'off',
    },
  },
);
