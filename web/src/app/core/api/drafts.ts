import { arr, num, obj, str } from './read';

// The drafts API's answers as the web app uses them (see src/modules/drafts/views.ts on the
// server). Every answer goes through a `read…` function so templates only see these shapes.

export const DRAFT_STATUSES = ['DRAFT', 'IN_REVIEW', 'READY', 'FINALIZED'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** A status this build does not know yet is kept as text and shown as such. */
export type AnyDraftStatus = DraftStatus | (string & {});

export const STATUS_LABELS: Readonly<Record<DraftStatus, string>> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  READY: 'Ready',
  FINALIZED: 'Finalized',
};

export function statusLabel(status: string | null | undefined): string {
  if (!status) return 'Unknown';
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export interface ResumeInfo {
  displayName: string;
  kind: string | null;
  size: number | null;
  uploadedAt: string | null;
}

export interface JobInfo {
  title: string | null;
  company: string | null;
}

export interface DraftSummary {
  id: string;
  title: string | null;
  status: AnyDraftStatus;
  job: JobInfo | null;
  resume: ResumeInfo | null;
  /** GENERAL: the résumé is the general résumé form (PRO), not an upload. */
  source: 'UPLOAD' | 'GENERAL';
  createdAt: string | null;
  updatedAt: string | null;
}

export interface DraftPage {
  items: DraftSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ExtractionWarning {
  code: string;
  message: string;
}

export interface Extraction {
  text: string;
  warnings: ExtractionWarning[];
}

export interface DraftDetail extends DraftSummary {
  job: (JobInfo & { text: string | null }) | null;
  extraction: Extraction | null;
}

export interface DraftQuery {
  status?: DraftStatus | null;
  q?: string | null;
  page?: number;
  pageSize?: number;
}

export interface NewDraft {
  title?: string;
  job?: { title?: string; company?: string; text: string };
}

export interface CreatedDraft {
  id: string;
  position: number | null;
}

export interface UploadedResume {
  resume: ResumeInfo | null;
  warnings: ExtractionWarning[];
  position: number | null;
}

export function readResume(value: unknown): ResumeInfo | null {
  const resume = obj(value);
  if (!resume) return null;
  return {
    displayName: str(resume['displayName']) ?? 'résumé',
    kind: str(resume['kind']),
    size: num(resume['size']),
    uploadedAt: str(resume['uploadedAt']),
  };
}

function readJob(value: unknown): JobInfo | null {
  const job = obj(value);
  if (!job) return null;
  const info = { title: str(job['title']), company: str(job['company']) };
  return info.title === null && info.company === null ? null : info;
}

export function readSummary(value: unknown): DraftSummary | null {
  const draft = obj(value);
  const id = str(draft?.['id']);
  if (!draft || !id) return null;
  return {
    id,
    title: str(draft['title']),
    status: str(draft['status']) ?? 'UNKNOWN',
    job: readJob(draft['job']),
    resume: readResume(draft['resume']),
    source: draft['source'] === 'GENERAL' ? 'GENERAL' : 'UPLOAD',
    createdAt: str(draft['createdAt']),
    updatedAt: str(draft['updatedAt']),
  };
}

export function readDraftPage(
  value: unknown,
  asked: { page: number; pageSize: number },
): DraftPage {
  const body = obj(value);
  const items = arr(body?.['items'])
    .map(readSummary)
    .filter((item): item is DraftSummary => item !== null);
  return {
    items,
    total: Math.max(num(body?.['total']) ?? items.length, 0),
    page: num(body?.['page']) ?? asked.page,
    pageSize: num(body?.['pageSize']) ?? asked.pageSize,
  };
}

export function readWarnings(value: unknown): ExtractionWarning[] {
  return arr(value).flatMap((item) => {
    const warning = obj(item);
    if (typeof item === 'string') return [{ code: item, message: item }];
    const code = str(warning?.['code']);
    if (!code) return [];
    return [{ code, message: str(warning?.['message']) ?? code }];
  });
}

export function readDraft(value: unknown): DraftDetail | null {
  const summary = readSummary(value);
  const draft = obj(value);
  if (!summary || !draft) return null;
  const job = obj(draft['job']);
  const jobText = str(job?.['text']);
  const extraction = obj(draft['extraction']);
  return {
    ...summary,
    job:
      summary.job || jobText
        ? {
            title: summary.job?.title ?? null,
            company: summary.job?.company ?? null,
            text: jobText,
          }
        : null,
    extraction: extraction
      ? { text: str(extraction['text']) ?? '', warnings: readWarnings(extraction['warnings']) }
      : null,
  };
}

/** POST /api/drafts answers `{ id, position }` (older drafts of the contract: `{ draft: { id }, position }`). */
export function readCreated(value: unknown): CreatedDraft | null {
  const body = obj(value);
  const id = str(body?.['id']) ?? str(obj(body?.['draft'])?.['id']);
  return id ? { id, position: num(body?.['position']) } : null;
}

export function readUpload(value: unknown): UploadedResume {
  const body = obj(value);
  return {
    resume: readResume(body?.['resume']),
    warnings: readWarnings(body?.['warnings']),
    position: num(body?.['position']),
  };
}

/** "1.2 MB", "840 kB", "312 B". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
