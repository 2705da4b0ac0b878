import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/client';
import { describeImportError } from './problems';

const t = (key: string, options?: Record<string, unknown>) => `${key} ${JSON.stringify(options ?? {})}`;

describe('describeImportError', () => {
  it('tells a user over the hourly upload limit how many minutes to wait, rounded up', () => {
    const error = new ApiError(429, {
      type: 'urn:guanxi:problem:too-many-requests',
      title: 'Too many uploads',
      status: 429,
      retryAfterSeconds: 61,
    });
    expect(describeImportError(error, t)).toBe('imports.problem.TOO_MANY_UPLOADS {"minutes":2}');
  });
});
