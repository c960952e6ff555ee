// `--profile FILE`: a profile read from disk, bounded and checked before the mock starts. Every way it
// can be wrong is one line naming the file (and the path in it), exit 2: never a stack trace.
import { readFileSync, statSync } from 'node:fs';
import { profileLimits, profileViolations, type Profile } from '../../mocks/core/profile.js';
import { CliError } from './cli-error.js';
import { jsonErrorPlace } from '../text/json-error-place.js';

export function readProfileFile(file: string): Profile {
  let text: string;
  try {
    const stats = statSync(file);
    // A FIFO would be waited on for ever, /dev/zero read without end (its size says 0): only a file is read.
    if (!stats.isFile()) throw new CliError(`--profile ${file}: not a file (${stats.isDirectory() ? 'a directory' : 'a FIFO, a device or a socket'})`);
    const size = stats.size;
    if (size > profileLimits.fileBytes) throw new CliError(`--profile ${file}: ${size.toLocaleString('en-US')} bytes, more than a profile's ${profileLimits.fileBytes.toLocaleString('en-US')}`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`--profile ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let candidate: unknown;
  try {
    candidate = JSON.parse(text);
  } catch (error) {
    throw new CliError(`--profile ${file}: not JSON (${jsonErrorPlace(text, (error as Error).message)})`);
  }
  const refused = profileViolations(candidate);
  if (refused.length > 0) throw new CliError(`--profile ${file}: ${refused.map((v) => `${v.field} ${v.message}`).join('; ')}`);
  return candidate as Profile;
}
