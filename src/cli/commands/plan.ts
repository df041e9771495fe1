import type { CliIo } from '../io.js';
import type { TargetOptions } from '../main.js';
import { InternalError } from '../../errors.js';

/** `reg plan` (being built). */
export async function runPlan(_opts: TargetOptions & { format: 'text' | 'json'; detailedExitcode?: boolean }, _io: CliIo): Promise<number> {
  throw new InternalError('plan is not built yet');
}
