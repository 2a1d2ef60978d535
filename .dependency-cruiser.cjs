/**
 * Module boundaries (ARCHITECTURE.md): a module is used through its index.ts only, and nothing
 * may import in a circle. `npm run lint` fails on a violation.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-reaching-into-another-module',
      comment: 'Import another module only through its index.ts (its public surface), never its schema or services.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-module-internals-from-platform',
      comment: 'Platform code (app, db, jobs, search) uses modules through their index.ts only, and the server catalogue merges each module\'s messages.ts (plain data, no imports, so no cycle through index.ts).',
      severity: 'error',
      from: { path: '^src/(?!modules/)' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/(index|messages)\\.ts$' },
    },
    {
      name: 'no-platform-depends-on-app-wiring',
      comment: 'db, jobs, search, conditions and forms are below the modules; they must not import module code at all.',
      severity: 'error',
      from: { path: '^src/(db|jobs|search|conditions|forms|text-templates|workflow-model)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'conditions-pure-parts-run-in-the-browser',
      comment: 'The web console imports the condition language\'s pure files: only sql-compile.ts, validation-problem.ts and the test fixtures may use Node, the database or the app.',
      severity: 'error',
      from: { path: '^src/conditions/', pathNot: ['^src/conditions/(sql-compile|validation-problem)\\.ts$', '^src/conditions/fixtures/', '\\.test\\.ts$'] },
      to: { pathNot: ['^src/conditions/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'form-engine-runs-in-the-browser',
      comment: 'The web console renders forms with the server\'s own engine: src/forms may use only itself, the pure condition files, zod and libphonenumber-js.',
      severity: 'error',
      from: { path: '^src/forms/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^src/forms/', '^src/conditions/(types|operators|values|validate|evaluate|compilable|messages)\\.ts$', '(^|/)node_modules/(zod|libphonenumber-js)/'] },
    },
    {
      name: 'workflow-model-runs-in-the-browser',
      comment: 'The process designer validates and simulates with the server\'s own model: src/workflow-model may use only itself, the pure condition files and zod.',
      severity: 'error',
      from: { path: '^src/workflow-model/', pathNot: ['\\.test\\.ts$', '^src/workflow-model/fixtures/'] },
      to: { pathNot: ['^src/workflow-model/', '^src/conditions/(types|operators|values|validate|evaluate|compilable|messages)\\.ts$', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'text-templates-run-in-the-browser',
      comment: 'Text templates (macros, rules\' replies) are rendered and validated by the console with the server\'s code: src/text-templates imports nothing else.',
      severity: 'error',
      from: { path: '^src/text-templates/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^src/text-templates/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make load order fragile and modules inseparable.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
    exclude: { path: '\\.test\\.ts$' },
  },
};
