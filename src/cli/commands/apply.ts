import type { CliIo } from '../io.js';
import type { TargetOptions } from '../main.js';
import { InternalError } from '../../errors.js';

/** `reg apply` (being built). */
export async function runApply(_opts: TargetOptions & { yes?: boolean; skipBlocked?: boolean }, _io: CliIo): Promise<number> {
  throw new InternalError('apply is not built yet');
}
