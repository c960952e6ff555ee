// What a failed write means, for a message: a report file (contract) or the scenario on stdout (export).
import { describeFailure } from '../../contracts/run-outcome.js';

/** Why a file or stdout could not be written, in words: the usual causes by their code, anything else in one line. */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    EEXIST: 'a file stands where a folder of its path should be',
    ENOTDIR: 'a file stands where a folder of its path should be',
    EISDIR: 'it is a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EPIPE: 'the reader closed the pipe',
  };
  return (code === undefined ? undefined : known[code]) ?? describeFailure(error);
}
