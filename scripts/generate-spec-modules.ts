import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { renderSpecModules } from './spec-modules.js';

for (const module of await renderSpecModules()) {
  await writeFile(module.path, module.contents);
  console.log(`wrote ${relative(process.cwd(), module.path)}`);
}
