// `npm run contract:dredd -- URL [options]`: Dredd 14 as a second opinion, on the copy of the document it
// can parse, with the hooks that give each transaction credentials and state.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openApiDocument } from '../../src/spec/generated/document.js';
import { apiKeyHeaderOf } from '../../src/spec/security.js';
import { dreddBodySchemas, dreddDocument } from './dredd-document.js';

const usage = `Usage: npm run contract:dredd -- URL [--api-key K] [--token T] [--ticket UUID] [--equipment ID ...]

Runs Dredd 14 against URL. Credentials and fixtures also come from UDE_KIT_API_KEY, UDE_KIT_TOKEN,
UDE_KIT_TICKET and UDE_KIT_EQUIPMENT (comma-separated). --ticket must be In Progress; at least one
--equipment id must not be used on it yet.`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'api-key': { type: 'string' },
        token: { type: 'string' },
        ticket: { type: 'string' },
        equipment: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`contract:dredd: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const url = positionals[0];
  if (values.help === true || url === undefined) {
    console.error(usage);
    return values.help === true ? 0 : 2;
  }
  const dir = await mkdtemp(join(tmpdir(), 'ude-kit-dredd-'));
  const documentPath = join(dir, 'used-diagnostic-equipment.dredd.json');
  const schemasPath = join(dir, 'body-schemas.json');
  await writeFile(documentPath, JSON.stringify(dreddDocument(openApiDocument), null, 2));
  await writeFile(schemasPath, JSON.stringify(dreddBodySchemas(openApiDocument), null, 2));
  const hooks = fileURLToPath(new URL('./hooks.cjs', import.meta.url));
  const dredd = fileURLToPath(new URL('../../node_modules/dredd/bin/dredd', import.meta.url));
  const env = {
    ...process.env,
    UDE_KIT_BASE_URL: url,
    UDE_KIT_DREDD_SCHEMAS: schemasPath,
    UDE_KIT_API_KEY_HEADER: apiKeyHeaderOf(openApiDocument),
    ...(values['api-key'] === undefined ? {} : { UDE_KIT_API_KEY: values['api-key'] }),
    ...(values.token === undefined ? {} : { UDE_KIT_TOKEN: values.token }),
    ...(values.ticket === undefined ? {} : { UDE_KIT_TICKET: values.ticket }),
    ...(values.equipment === undefined ? {} : { UDE_KIT_EQUIPMENT: values.equipment.join(',') }),
  };
  const child = spawn(process.execPath, [dredd, documentPath, url, '--hookfiles', hooks, '--language', 'nodejs', '--loglevel', 'error'], { env, stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 2)));
}

main().then((code) => {
  process.exitCode = code;
});
