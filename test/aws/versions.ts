import type { CreateVersionInput } from '../../src/aws/registry.js';

/** A minimal declared version. */
export function version(group: string, token: string, extra: Partial<CreateVersionInput> = {}): CreateVersionInput {
  return {
    group,
    image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:latest',
    environment: {},
    contentTypes: [],
    responseTypes: [],
    realtimeInstanceTypes: [],
    transformInstanceTypes: [],
    customerMetadata: { 'reg:id': token },
    approval: 'PendingManualApproval',
    clientToken: token,
    ...extra,
  };
}
