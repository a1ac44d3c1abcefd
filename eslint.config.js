// One linter (ESLint with typescript-eslint); formatting is Prettier's job.
import tseslint from 'typescript-eslint';

const banned = [
  {
    selector: "MemberExpression[property.name='innerHTML']",
    message: 'Build DOM with Preact or createElement, never from strings.',
  },
  {
    selector: "MemberExpression[property.name='outerHTML']",
    message: 'Build DOM with Preact or createElement, never from strings.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Build DOM with Preact or createElement, never from strings.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
    message: 'document.write is banned.',
  },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'dangerouslySetInnerHTML is banned.' },
  { selector: "NewExpression[callee.name='Function']", message: 'new Function is banned (no eval).' },
];

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', '.generated/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-restricted-syntax': ['error', ...banned],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
