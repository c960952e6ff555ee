import type { ContractReport } from '../runner.js';
import type { TextStyle } from '../../src/text/terminal.js';
import { jsonReport } from './json.js';
import { junitReport } from './junit.js';
import { markdownReport } from './markdown.js';
import { prettyReport } from './pretty.js';

/** Each reporter; `style` matters only to pretty, which a person reads in a terminal. */
export const reporters: Record<string, (report: ContractReport, style?: TextStyle) => string> = {
  pretty: prettyReport,
  json: jsonReport,
  junit: junitReport,
  markdown: markdownReport,
};
