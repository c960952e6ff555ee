// The CLI reference in docs/cli.md between its markers: each command's help, as `ude-kit COMMAND --help`
// prints it, from the same declarations. `npm run generate` writes it; test/docs checks it is current.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { commands } from '../src/cli/commands.js';
import { helpText } from '../src/cli/declaration.js';

export const cliDocsPath = fileURLToPath(new URL('../docs/cli.md', import.meta.url));
const start = '<!-- generated:cli -->';
const end = '<!-- /generated:cli -->';

/** docs/cli.md with its generated part made from the declarations. */
export async function renderCliDocs(): Promise<string> {
  const current = await readFile(cliDocsPath, 'utf8');
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${cliDocsPath} has lost its ${start} … ${end} markers`);
  const generated = commands.map((command) => `### \`ude-kit ${command.name}\`\n\n${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.\n\n\`\`\`text\n${helpText(command)}\n\`\`\`\n`).join('\n');
  return `${current.slice(0, from + start.length)}\n\n${generated}\n${current.slice(to)}`;
}
