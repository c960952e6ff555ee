// The fake behind the component: the kit's MSW handlers over the default state. The test file arranges
// and reads it through `mock`; the environment's setup file serves `handlers` (msw/node or the worker).
import { createHandlers } from 'ude-kit/msw';

export const { handlers, mock } = createHandlers();
