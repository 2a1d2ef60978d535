import { defineConfig } from 'drizzle-kit';

// Each module owns its tables in its own schema.ts; drizzle-kit turns all of them into one
// ordered set of SQL migrations that both engines run.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/jobs/schema.ts', './src/modules/*/schema.ts'],
  out: './migrations',
});
