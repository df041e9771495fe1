import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/spec/suggest.js';

describe('suggest', () => {
  it.each([
    ['imge', ['id', 'image', 'imageDigest'], 'image'],
    ['model_data_url', ['modelDataUrl', 'image'], 'modelDataUrl'],
    ['ModelDataUrl', ['modelDataUrl'], 'modelDataUrl'],
    ['aprovel', ['approval', 'approvalDescription'], 'approval'],
    ['Pending', ['PendingManualApproval', 'Approved', 'Rejected'], 'PendingManualApproval'],
    ['approved', ['PendingManualApproval', 'Approved', 'Rejected'], 'Approved'],
    ['zzz', ['image', 'id'], undefined],
    ['x', [], undefined],
  ] as const)('%s → %s', (input, candidates, expected) => {
    expect(suggest(input, candidates)).toBe(expected);
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('tags', 'tgas')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
