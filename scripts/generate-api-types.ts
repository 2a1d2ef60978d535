// Generates web/src/shared/api/schema.d.ts from the server's OpenAPI document, so the web
// client's types come from the routes themselves (never hand-written).
//   npx tsx scripts/generate-api-types.ts          write the file
//   npx tsx scripts/generate-api-types.ts --check  exit 1 when the committed file is stale
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';
import { openPglite } from '../src/db/pglite.js';

export const apiTypesPath = new URL('../web/src/shared/api/schema.d.ts', import.meta.url);

/** The OpenAPI document as the server publishes it at /api/openapi.json. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  // Building the routes needs no data: an empty in-memory database is enough.
  const database = await openPglite({});
  try {
    const { server } = await createApp(loadConfig({ LOG_LEVEL: 'silent' }), database);
    const response = await server.inject({ method: 'GET', url: '/api/openapi.json' });
    await server.close();
    return response.json() as Record<string, unknown>;
  } finally {
    await database.close();
  }
}

export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(JSON.parse(JSON.stringify(await openApiDocument())));
  return `// Generated from /api/openapi.json by scripts/generate-api-types.ts. Do not edit.\n\n${astToString(ast)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const generated = await generateApiTypes();
  if (process.argv.includes('--check')) {
    const committed = await readFile(apiTypesPath, 'utf8').catch(() => '');
    if (committed !== generated) {
      process.stderr.write('web/src/shared/api/schema.d.ts is stale: run `npm run api:types`\n', () => process.exit(1));
    }
  } else {
    await writeFile(apiTypesPath, generated);
    console.log(`wrote ${apiTypesPath.pathname}`);
  }
}
