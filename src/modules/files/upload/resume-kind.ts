/** The formats a résumé may come in; the magic bytes decide which, never the file name. */
export type ResumeKind = 'pdf' | 'docx' | 'txt' | 'md';

export const resumeKinds: readonly ResumeKind[] = ['pdf', 'docx', 'txt', 'md'];

export const mediaTypes: Record<ResumeKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};
