import { InjectionToken } from '@angular/core';

export type SaveFile = (filename: string, text: string, type?: string) => void;

/** Saves text as a download through an object URL (no data: URL, nothing inline: CSP-safe). */
export function saveTextFile(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Tests replace the download with a spy. */
export const SAVE_FILE = new InjectionToken<SaveFile>('SAVE_FILE', { factory: () => saveTextFile });
