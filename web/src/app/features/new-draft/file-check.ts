// What the upload accepts, checked in the browser before anything is sent. The server checks again
// (content sniffing, size, structure) and its codes are shown when it refuses a file.

export const MAX_RESUME_BYTES = 5 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = ['.pdf', '.docx', '.txt', '.md'] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/** A message saying why the file cannot be used, or null when it can be sent. */
export function checkResumeFile(file: Pick<File, 'name' | 'size'>): string | null {
  const extension = extensionOf(file.name);
  if (extension === '.doc') {
    return 'Old Word (.doc) files cannot be read. Save it as .docx or PDF and choose that file.';
  }
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extension)) {
    return 'Choose a PDF, a Word document (.docx), or a plain text or Markdown file (.txt, .md).';
  }
  if (file.size === 0) return 'This file is empty. Choose the file that holds your résumé.';
  if (file.size > MAX_RESUME_BYTES) {
    const mb = (file.size / (1024 * 1024)).toFixed(1);
    return `This file is ${mb} MB; the limit is 5 MB. Export a smaller PDF (without large images) and try again.`;
  }
  return null;
}
