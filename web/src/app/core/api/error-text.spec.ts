import { ApiError } from './api-error';
import { errorDetails, errorText } from './error-text';

const error = (code: string, details?: unknown) =>
  new ApiError({ code, message: 'The message.', status: 422, details });

describe('errorText / errorDetails', () => {
  it('shows the message with its code, and a network failure without one', () => {
    expect(errorText(error('UPLOAD_TOO_LARGE'))).toBe('The message. (UPLOAD_TOO_LARGE)');
    expect(
      errorText(new ApiError({ code: 'NETWORK', message: 'Cannot reach the server.', status: 0 })),
    ).toBe('Cannot reach the server.');
  });

  it('lists VALIDATION_FAILED issues with readable field names', () => {
    const lines = errorDetails(
      error('VALIDATION_FAILED', {
        issues: [
          { path: 'job.text', code: 'too_big', message: 'Too long' },
          { path: 'weird.path', message: 'Odd' },
          { path: '', message: 'Whole body' },
          { nothing: true },
        ],
      }),
    );
    expect(lines).toEqual(['Job description: Too long', 'weird.path: Odd', 'Whole body']);
  });

  it('explains a bad Idempotency-Key header and ignores odd details', () => {
    expect(
      errorDetails(
        error('VALIDATION_FAILED', {
          header: 'Idempotency-Key',
          problem: '8 to 200 printable ASCII characters',
        }),
      ),
    ).toEqual(['Idempotency-Key: 8 to 200 printable ASCII characters']);
    expect(errorDetails(error('X', 'string details'))).toEqual([]);
    expect(
      errorDetails(error('X', { issues: Array.from({ length: 50 }, () => ({ message: 'm' })) })),
    ).toHaveLength(8);
  });
});
