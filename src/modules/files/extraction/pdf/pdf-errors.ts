import { AppError } from '../../../../platform/errors.ts';

/** pdf.js and pdf-parse name their failures; these are the ones a user can act on. */
export function pdfFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new AppError('PDF_ENCRYPTED', { cause: error });
  return new AppError('FILE_CORRUPT', { cause: error, details: { reason: name || 'unreadable PDF' } });
}

/** Options that keep pdf.js from evaluating code, loading fonts or reaching the network. */
export const safePdfOptions = {
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  useWorkerFetch: false,
  enableXfa: false,
  stopAtErrors: false,
  verbosity: 0,
} as const;
