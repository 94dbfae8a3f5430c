import { ApiError } from './api-error';
import { arr, obj, str } from './read';

/** "The file is empty. (FILE_EMPTY)"; a network failure is explained without a code. */
export function errorText(error: ApiError): string {
  if (error.code === 'NETWORK') return error.message;
  return `${error.message} (${error.code})`;
}

const fieldNames: Readonly<Record<string, string>> = {
  title: 'Title',
  'job.title': 'Job title',
  'job.company': 'Company',
  'job.text': 'Job description',
  file: 'Résumé file',
};

/** VALIDATION_FAILED details (`{ issues: [{ path, message }] }`) as lines a person can act on. */
export function errorDetails(error: ApiError): string[] {
  const details = obj(error.details);
  const lines = arr(details?.['issues']).flatMap((item) => {
    const issue = obj(item);
    const message = str(issue?.['message']);
    if (!message) return [];
    const path = str(issue?.['path']) ?? '';
    const field = fieldNames[path] ?? path;
    return [field ? `${field}: ${message}` : message];
  });
  const header = str(details?.['header']);
  const problem = str(details?.['problem']);
  if (header && problem) lines.push(`${header}: ${problem}`);
  // Keep the alert readable whatever the server sent.
  return lines.slice(0, 8);
}
