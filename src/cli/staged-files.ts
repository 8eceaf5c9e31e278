/**
 * Writing several files as one: each is made into a temporary file beside its target, and only
 * when all of them are made are they renamed into place, so that a failure leaves none of them
 * half-done and no earlier file overwritten.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A file to write; its content is made only when its turn comes (it may load a module). */
export interface StagedFile {
  target: string;
  content: () => Promise<Uint8Array | string> | Uint8Array | string;
}

/** Which file could not be made or moved into place, and why. */
export class StagedWriteError extends Error {
  constructor(
    readonly target: string,
    readonly reason: unknown,
  ) {
    super(`${target}: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
}

/** A temporary name beside `file` (same folder, so the rename stays on one file system). */
export function tempBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp${path.extname(file)}`);
}

/** Writes every file or none of them. */
export async function writeAllOrNone(files: readonly StagedFile[]): Promise<void> {
  const made: string[] = [];
  let current = files[0]?.target ?? '';
  try {
    for (const file of files) {
      current = file.target;
      const tmp = tempBeside(file.target);
      made.push(tmp);
      await fs.promises.writeFile(tmp, await file.content());
    }
    for (let i = 0; i < files.length; i++) {
      current = files[i].target;
      await fs.promises.rename(made[i], files[i].target);
    }
  } catch (e) {
    await Promise.all(made.map((tmp) => fs.promises.rm(tmp, { force: true }).catch(() => undefined)));
    throw new StagedWriteError(current, e);
  }
}
