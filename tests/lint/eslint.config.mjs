// ESLint for the whole tree (run by `npm test` through `npm run lint`): typescript-eslint's recommended rules, the
// import boundaries of docs/ARCHITECTURE.md (pure rooms never import features, rpc or runtime) and no import cycles.
// Svelte files are checked by svelte-check; the room ranks in full by tests/unit/structure-rules.test.ts.
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pure = ['db', 'excel', 'docs', 'text', 'bytes', 'threads', 'layout', 'checks', 'contract', 'security'];

export default tseslint.config(
  { basePath: root, ignores: ['out/**', 'dist/**', 'node_modules/**', 'release/**', 'tests/fixtures/**', '**/*.svelte'] },
  {
    basePath: root,
    files: ['**/*.ts', '**/*.mts', '**/*.mjs'],
    extends: [tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mts', '.mjs', '.js', '.json'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts'] },
      'import-x/extensions': ['.ts', '.mts', '.mjs', '.js'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: pure.map((room) => ({
            target: `./src-main/${room}`,
            from: ['./src-main/features', './src-main/rpc', './src-main/runtime', './src-main/launcher', './src-main/platform'],
            message: `src-main/${room} is a pure room: it never imports features, rpc, runtime, launcher or platform (docs/ARCHITECTURE.md).`,
          })),
          basePath: root,
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
