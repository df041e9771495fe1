import type { CliIo } from '../io.js';
import { InternalError } from '../../errors.js';

/** `reg validate` (being built). */
export async function runValidate(_opts: { file: string[]; format: 'text' | 'github' | 'json' }, _io: CliIo): Promise<number> {
  throw new InternalError('validate is not built yet');
}
