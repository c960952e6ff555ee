import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { renderSpecModules } from './spec-modules.js';
import { cliDocsPath, renderCliDocs } from './cli-docs.js';

for (const module of await renderSpecModules()) {
  await writeFile(module.path, module.contents);
  console.log(`wrote ${relative(process.cwd(), module.path)}`);
}

// The CLI reference (docs/cli.md) from the CLI's declarations.
await writeFile(cliDocsPath, await renderCliDocs());
console.log(`wrote ${relative(process.cwd(), cliDocsPath)}`);
