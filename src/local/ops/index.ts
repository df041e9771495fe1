/** Every operation the local server answers, by name. */
import type { Handler } from '../context.js';
import { endpointConfigOps } from './endpoint-configs.js';
import { endpointOps } from './endpoints.js';
import { groupOps } from './groups.js';
import { modelOps } from './models.js';
import { searchOps } from './search.js';
import { tagOps } from './tags.js';
import { versionReadOps } from './versions-read.js';
import { versionWriteOps } from './versions.js';

/** Operation name → handler. */
export const OPERATIONS: Readonly<Record<string, Handler>> = {
  ...groupOps,
  ...versionWriteOps,
  ...versionReadOps,
  ...searchOps,
  ...tagOps,
  ...modelOps,
  ...endpointConfigOps,
  ...endpointOps,
};
