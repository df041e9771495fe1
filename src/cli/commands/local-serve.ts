import type { CliIo } from '../io.js';
import { InternalError } from '../../errors.js';

/** `reg local serve` (being built). */
export async function runLocalServe(_opts: Record<string, unknown>, _io: CliIo): Promise<number> {
  throw new InternalError('local serve is not built yet');
}
