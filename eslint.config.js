// Lint for correctness and for the direction of dependencies (docs/ARCHITECTURE.md); the formatter
// (prettier) owns style.
import tseslint from 'typescript-eslint';

const crossModule = {
  group: ['../*/*', '!../../*', '!../*/index.ts'],
  message: 'Modules reach each other only through their index.ts (docs/ARCHITECTURE.md).',
};
const notUiOrCli = { group: ['@nutmeg/web*', '@nutmeg/cli*'], message: 'The server does not import the UI or the CLI.' };

// Which modules each module may import (docs/ARCHITECTURE.md, "May import"): dependencies point one way, so no
// circle (patients ↔ immunizations was one) can come back. A module missing here may import none.
const MODULE_DEPENDENCIES = {
  organizations: [],
  jobs: [],
  health: [],
  audit: ['jobs'],
  access: ['organizations', 'audit', 'jobs'],
  mail: ['access', 'audit', 'jobs'],
  accounts: ['access', 'audit', 'mail', 'organizations'],
  recommender: ['access', 'audit', 'jobs'],
  patients: ['access', 'audit', 'organizations', 'recommender', 'jobs'],
  immunizations: ['access', 'audit', 'organizations', 'patients', 'recommender', 'inventory'],
  merges: ['access', 'audit', 'immunizations', 'patients'],
  inventory: ['access', 'audit', 'organizations', 'clinics', 'patients'],
  clinics: ['access', 'accounts', 'audit', 'jobs', 'organizations', 'patients'],
  reports: ['access', 'audit', 'organizations', 'patients', 'immunizations', 'recommender', 'jobs'],
  hl7: ['access', 'audit', 'organizations', 'patients', 'immunizations', 'recommender', 'inventory'],
  schools: ['access', 'audit', 'organizations', 'patients', 'immunizations', 'recommender', 'reports'],
};
const MODULES = Object.keys(MODULE_DEPENDENCIES);
// import() escapes the rules above (it is how patients reached immunizations behind the lint's back).
const noDynamicImport = {
  'no-restricted-syntax': [
    'error',
    { selector: 'ImportExpression', message: 'No import() in a module: it hides a dependency. Import statically, through index.ts.' },
  ],
};
const moduleRules = MODULES.map((m) => {
  const forbidden = MODULES.filter((o) => o !== m && !MODULE_DEPENDENCIES[m].includes(o));
  const patterns = [crossModule, notUiOrCli];
  if (forbidden.length)
    patterns.push({
      group: forbidden.map((o) => `../${o}/*`),
      message: `modules/${m} may import only ${MODULE_DEPENDENCIES[m].join(', ') || 'no other module'} (docs/ARCHITECTURE.md).`,
    });
  return {
    files: [`packages/server/src/modules/${m}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }], ...noDynamicImport },
  };
});
/** Outside modules/, the server's own folders reach a module only through its index.ts. */
const throughIndex = (prefix) => ({
  group: [`${prefix}modules/*/*`, `!${prefix}modules/*/index.ts`],
  message: 'Code outside a module reaches it only through its index.ts (docs/ARCHITECTURE.md).',
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/*.tmp.ts',
      'packages/web/vite.config.ts',
      'eslint.config.js',
      'vitest.config.ts',
      'e2e/vitest.config.ts',
      'scripts/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only' },
        { object: 'describe', property: 'only' },
        { object: 'test', property: 'only' },
      ],
    },
  },
  {
    // The API's JSON shapes: types only, shared by the server and the web UI; they import nothing but the types of
    // coded fields from @nutmeg/codes/tables (a type import, erased: the web loads no code data through them).
    files: ['packages/api-types/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@nutmeg/codes/tables', allowTypeImports: true, message: '@nutmeg/api-types imports types only.' }],
          patterns: [
            {
              group: ['@*', '!@nutmeg/codes/tables', 'node:*', 'fs', 'path', 'pg', 'kysely', 'react'],
              message: '@nutmeg/api-types holds types only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The recommender engine is pure: no internal packages, no I/O (node.ts is its one I/O door).
    files: ['packages/forecast/src/**/*.ts'],
    ignores: ['packages/forecast/src/node.ts', 'packages/forecast/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nutmeg/*', 'node:*', 'fs', 'path', 'http', 'https', 'pg', 'kysely'],
              message: '@nutmeg/forecast is pure: no I/O and no internal imports.',
            },
          ],
        },
      ],
    },
  },
  {
    // Code sets and the HL7 codec are pure and may be imported by the web UI: no internal packages, no Node, no I/O.
    // (The codes build script in packages/codes/scripts is a build-time tool and reads files.)
    files: ['packages/codes/src/**/*.ts', 'packages/hl7v2/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'packages/hl7v2/src/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nutmeg/*', 'node:*', 'fs', 'path', 'http', 'https', 'pg', 'kysely', '**/scripts/*'],
              message: '@nutmeg/codes and @nutmeg/hl7v2 are pure: no I/O, no Node-only modules, no internal imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@nutmeg/server*', '@nutmeg/web*', '@nutmeg/cli*'], message: 'The database package knows no app code.' }] },
      ],
    },
  },
  {
    // A module not in MODULE_DEPENDENCIES yet still reaches the others only through their index.ts.
    files: ['packages/server/src/modules/*/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [crossModule, notUiOrCli] }], ...noDynamicImport },
  },
  ...moduleRules,
  {
    // The composition root and the server's root files (app.ts, server.ts, context…).
    files: ['packages/server/src/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [throughIndex('./'), notUiOrCli] }] },
  },
  {
    files: ['packages/server/src/{seed,testing,security,synthetic}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [throughIndex('../'), notUiOrCli] }] },
  },
  {
    // The CLI calls the server's services through its package exports (@nutmeg/server/…), never by path.
    files: ['packages/cli/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../../*', '**/server/src/**', '**/db/src/**', '@nutmeg/*/src/*'],
              message: 'The CLI imports the server and the database through their package exports (package.json "exports").',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nutmeg/codes',
              message:
                'Import @nutmeg/codes/tables (the small tables): the CVX/NDC data (~630 kB) stays on the server (GET /api/codes/vaccines).',
            },
          ],
          patterns: [
            {
              group: ['@nutmeg/server*', '@nutmeg/db*', '@nutmeg/cli*', 'node:*'],
              message: 'The web UI talks to the server only over HTTP.',
            },
          ],
        },
      ],
    },
  },
);
