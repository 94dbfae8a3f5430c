// One table maps every stable error code to its HTTP status and a message a person can read.
// Modules add their codes here so the API, the OpenAPI document and the web app share one list.
export const errorCatalog = {
  BAD_REQUEST: { status: 400, message: 'The request could not be understood.' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  VALIDATION_FAILED: { status: 422, message: 'Some fields are missing or invalid.' },
  UNAUTHENTICATED: { status: 401, message: 'Please sign in to continue.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do that.' },
  NOT_FOUND: { status: 404, message: 'Nothing was found at this address.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This address does not accept that method.' },
  CONFLICT: { status: 409, message: 'Someone else changed this at the same time. Please try again.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not accepted here.' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts. Please wait and try again.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. It has been logged.' },
  NOT_READY: { status: 503, message: 'A service the product depends on is not available.' },
  TIMEOUT: { status: 504, message: 'The operation took too long.' },
  // files: upload checks, storage and text extraction (docs/extraction.md explains each one)
  FILE_EMPTY: { status: 422, message: 'The file is empty.' },
  FILE_TOO_LARGE: { status: 413, message: 'The file is larger than the upload limit.' },
  UNSUPPORTED_FILE_TYPE: { status: 415, message: 'Please upload a PDF, a Word document (.docx), or a plain text or Markdown file.' },
  LEGACY_DOC_REFUSED: { status: 415, message: 'Old Word (.doc) or password-protected Office files cannot be read. Save it as .docx or PDF and upload that.' },
  NOT_UTF8_TEXT: { status: 422, message: 'This text file is not UTF-8. Save it as UTF-8 and try again.' },
  TEXT_CONTAINS_NUL: { status: 422, message: 'This text file contains binary data.' },
  FILE_CORRUPT: { status: 422, message: 'The file is damaged or incomplete and cannot be read.' },
  DOCX_MACROS_REFUSED: { status: 422, message: 'Documents with macros are not accepted. Save it as a plain .docx and try again.' },
  ARCHIVE_TOO_LARGE: { status: 422, message: 'The document unpacks to far more data than a résumé needs.' },
  ARCHIVE_TOO_MANY_ENTRIES: { status: 422, message: 'The document has too many internal parts.' },
  ARCHIVE_NESTED: { status: 422, message: 'Documents with embedded files or archives are not accepted.' },
  XML_ENTITIES_REFUSED: { status: 422, message: 'The document contains XML declarations that are not accepted.' },
  PDF_TOO_MANY_PAGES: { status: 422, message: 'The PDF has more pages than a résumé should.' },
  PDF_ENCRYPTED: { status: 422, message: 'The PDF is password-protected or encrypted. Export it again without protection.' },
  PDF_STREAM_TOO_LARGE: { status: 422, message: 'The PDF unpacks to far more data than a résumé needs.' },
  NO_TEXT_LAYER: { status: 422, message: 'No text could be found in this file. A scanned résumé needs to be exported with its text.' },
  EXTRACTION_TIMEOUT: { status: 422, message: 'Reading this file took too long.' },
  EXTRACTION_OUT_OF_MEMORY: { status: 422, message: 'Reading this file needed too much memory.' },
  FILE_NOT_FOUND: { status: 404, message: 'The file was not found.' },
  STORAGE_UNAVAILABLE: { status: 503, message: 'File storage cannot be reached just now. Please try again in a minute.' },
  STORAGE_KEY_INVALID: { status: 400, message: 'The file address is not valid.' },
  DOWNLOAD_LINK_INVALID: { status: 404, message: 'This download link is not valid.' },
  DOWNLOAD_LINK_EXPIRED: { status: 410, message: 'This download link has expired. Open the file again to get a new one.' },
  // analysis module: the AI engine's answer was unusable, or the AI service could not be reached in time.
  ANALYSIS_INVALID_OUTPUT: { status: 502, message: 'The analysis service gave an answer we could not use. Please try again.' },
  ANALYSIS_UNAVAILABLE: { status: 503, message: 'The analysis service is busy. Please try again in a minute.' },
  ANALYSIS_TIMEOUT: { status: 504, message: 'The analysis took too long. Please try again.' },
  // drafts: the résumé + job description a person works on (docs/drafts.md)
  DRAFT_NOT_FOUND: { status: 404, message: 'This draft does not exist or is not yours.' },
  DRAFT_FINALIZED: { status: 409, message: 'This draft is finalized and can no longer be changed.' },
  DRAFT_STATUS_INVALID: { status: 409, message: 'A draft cannot move to that status from where it is now.' },
  RESUME_REQUIRED: { status: 409, message: 'Upload a résumé first.' },
  DRAFT_SOURCE_MISMATCH: { status: 409, message: 'This draft takes its résumé another way: a file upload, or the general résumé form.' },
  UPLOAD_FIELD_MISSING: { status: 422, message: 'The upload has no file in its "file" field.' },
  UPLOAD_MALFORMED: { status: 400, message: 'The upload could not be read as multipart/form-data.' },
  // accounts: sign-up, sign-in, sessions, CSRF, plans (docs/accounts.md)
  EMAIL_TAKEN: { status: 409, message: 'An account with this e-mail address already exists. Sign in instead.' },
  INVALID_CREDENTIALS: { status: 401, message: 'The e-mail address or the password is not right.' },
  WEAK_PASSWORD: { status: 422, message: 'Please choose a longer or less common password (10 to 128 characters).' },
  SESSION_EXPIRED: { status: 401, message: 'Your session has ended. Please sign in again.' },
  SESSION_REVOKED: { status: 401, message: 'For your security this session was ended. Please sign in again.' },
  CSRF_FAILED: { status: 403, message: 'The security token is missing or invalid. Reload the page and try again.' },
  PLAN_UPGRADE_REQUIRED: { status: 403, message: 'This is part of the PRO plan.' },
  FREE_ANALYSIS_USED: { status: 402, message: 'Your free analysis is used up. Create an account to continue.' },
  PASSWORD_MISMATCH: { status: 403, message: 'The current password is not right.' },
  // jobs: work a person asked for on a draft (docs/pipeline.md)
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: 'This Idempotency-Key was already used for a different request.' },
  JOB_NOT_FAILED: { status: 409, message: 'Only a failed job can be retried.' },
  ANALYSIS_NOT_FOUND: { status: 404, message: 'This draft has no analysis yet.' },
  REWRITE_NOT_FOUND: { status: 404, message: 'This draft has no rewritten bullets yet.' },
  COVER_LETTER_NOT_FOUND: { status: 404, message: 'This draft has no cover letter yet: it comes with a PRO analysis.' },
  JOB_DESCRIPTION_REQUIRED: { status: 422, message: 'Add the job description before the analysis.' },
  EXPORT_NOT_AVAILABLE: { status: 503, message: 'Exporting is not available yet.' },
  // rewrites: the review of rewritten bullets, quota and cooldown (docs/exports.md)
  REWRITE_COOLDOWN: { status: 429, message: 'A rewrite just ran for this draft. Please wait a moment before the next one.' },
  REWRITE_QUOTA_USED: { status: 429, message: 'You have used today\'s rewrites. More are available after the reset time.' },
  REWRITE_OUTDATED: { status: 409, message: 'A newer rewrite replaced this one. Reload to see it.' },
  REWRITE_CHANGE_NOT_FOUND: { status: 404, message: 'This rewrite has no such bullet change.' },
  UNSUBSCRIBE_LINK_INVALID: { status: 404, message: 'This unsubscribe link is not valid. Use the link from the most recent e-mail.' },
  WEBHOOK_SIGNATURE_INVALID: { status: 400, message: 'The webhook signature is missing, wrong or too old.' },
  PAYMENT_PROVIDER_FAILED: { status: 502, message: 'The payment provider could not be reached. Please try again.' },
  PAYMENTS_DISABLED: { status: 409, message: 'Payments are not enabled: analyses are free here.' },
  PAYMENT_REQUIRED: { status: 402, message: 'This analysis needs a payment first.' },
  // postings: job postings, their sources and imports (docs/postings.md)
  POSTING_NOT_FOUND: { status: 404, message: 'This job posting does not exist or is no longer listed.' },
  POSTING_SOURCE_NOT_FOUND: { status: 404, message: 'No postings source has this name.' },
  SAVED_SEARCH_NOT_FOUND: { status: 404, message: 'This saved search does not exist or is not yours.' },
  SOURCE_FETCH_REFUSED: { status: 422, message: 'This postings source may not be fetched (address, size or format not allowed).' },
  SOURCE_FETCH_FAILED: { status: 502, message: 'The postings source could not be read in time.' },
  IMPORT_UNUSABLE: { status: 422, message: 'No row of this file is a usable posting.' },
  RESUME_TEXT_REQUIRED: { status: 409, message: 'Analyse the résumé once so its text can be matched.' },
  // applications: the job applications tracker (docs/postings.md)
  APPLICATION_NOT_FOUND: { status: 404, message: 'This application does not exist or is not yours.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

/** An error the API answers with its code; anything else becomes INTERNAL without details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  constructor(code: ErrorCode, options: { message?: string; details?: unknown; cause?: unknown } = {}) {
    super(options.message ?? errorCatalog[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof Error && error.name === 'AppError' && 'code' in error;
}
