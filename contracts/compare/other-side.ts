// What the deployment's answers were compared with, as a reader says it.
import type { ComparisonReport } from './comparison.js';

export const otherSide = (comparison: Pick<ComparisonReport, 'against'>) => (comparison.against === 'fake' ? 'the fake' : 'the recording');
