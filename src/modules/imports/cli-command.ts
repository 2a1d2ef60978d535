import type { Config } from '../../app/config.js';
import type { FieldTypes } from '../../app/field-types.js';
import type { Database } from '../../db/database.js';
import { cliImport, type CliImportOptions } from './cli-import.js';
import { importDepsOf } from './import-deps.js';
import type { DedupRule } from './schema.js';

const rules: readonly DedupRule[] = ['create', 'update', 'skip', 'merge'];
const isRule = (text: string): text is DedupRule => rules.some((rule) => rule === text);

/** What the command needs of the application; src/cli.ts opens it (the app gives the field types custom values are judged with; no server starts). */
export type OpenedApp = { database: Database; fieldTypes: FieldTypes; close(): Promise<void> };

/** `opencsm import …` (src/cli.ts): parses its arguments, opens the app, prints progress on stdout. */
export async function runImportCommand(config: Config, args: readonly string[], open: () => Promise<OpenedApp>): Promise<void> {
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const flags = new Set(['--entity', '--template', '--rule', '--as']);
  const file = args.find((arg, i) => !arg.startsWith('--') && !flags.has(args[i - 1] ?? ''));
  const entity = value('--entity') ?? 'contacts';
  const rule = value('--rule');
  if (!file) throw new Error('import needs a file: opencsm import <file> --entity contacts|organisations|tickets');
  if (entity !== 'contacts' && entity !== 'organisations' && entity !== 'tickets') throw new Error('--entity must be contacts, organisations or tickets');
  if (rule !== undefined && !isRule(rule)) throw new Error('--rule must be create, update, skip or merge');
  const options: CliImportOptions = { file, entity, dryRun: args.includes('--dry-run'), ...(value('--template') && { template: value('--template') }), ...(rule !== undefined && isRule(rule) && { rule }), ...(value('--as') && { as: value('--as') }) };
  const app = await open();
  const tty = process.stdout.isTTY;
  let lastShare = -1;
  try {
    const deps = importDepsOf({ database: app.database, fieldTypes: app.fieldTypes, config });
    await cliImport(deps, options, {
      line: (text) => process.stdout.write(`${tty ? '\r\x1b[K' : ''}${text}\n`),
      progress: (text) => {
        if (tty) return void process.stdout.write(`\r\x1b[K${text}`);
        // Not a terminal (a log, CI): one line per tenth.
        const share = Number(/(\d+)%/.exec(text)?.[1] ?? -1);
        if (Math.floor(share / 10) !== Math.floor(lastShare / 10)) process.stdout.write(`${text}\n`);
        lastShare = share;
      },
    });
  } finally {
    await app.close();
  }
}
