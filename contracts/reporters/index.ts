import type { ContractReport } from '../runner.js';
import { jsonReport } from './json.js';
import { junitReport } from './junit.js';
import { markdownReport } from './markdown.js';
import { prettyReport } from './pretty.js';

export const reporters: Record<string, (report: ContractReport) => string> = {
  pretty: prettyReport,
  json: jsonReport,
  junit: junitReport,
  markdown: markdownReport,
};
