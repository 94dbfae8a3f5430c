import { arr, num, obj, str } from '../../core/api/read';
import { safeHttpUrl } from '../../core/api/staff';

// The tracker's answers as the web app uses them (src/modules/applications on the server), read
// defensively: templates only see complete shapes.

export const APPLICATION_STATUSES = [
  'saved',
  'applied',
  'interview',
  'offer',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** A status this build does not know is kept as text (table only; the board has no column for it). */
export type AnyStatus = ApplicationStatus | (string & {});

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  saved: 'Saved',
  applied: 'Applied',
  interview: 'Interview',
  offer: 'Offer',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export function isStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export function applicationStatusLabel(status: string | null | undefined): string {
  if (!status) return 'Unknown';
  return isStatus(status) ? APPLICATION_STATUS_LABELS[status] : status;
}

export interface Application {
  id: string;
  company: string;
  role: string;
  /** Only an http(s) address. */
  postingUrl: string | null;
  postingId: string | null;
  draftId: string | null;
  notes: string;
  status: AnyStatus;
  /** YYYY-MM-DD */
  appliedOn: string | null;
  followUpDueAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface ApplicationPage {
  items: Application[];
  total: number;
}

export interface StatusMove {
  from: AnyStatus | null;
  to: AnyStatus;
  at: string | null;
}

export interface ImportReport {
  imported: number;
  /** The new applications' ids. */
  ids: string[];
  errors: { row: number; problems: string[] }[];
}

export interface ApplicationChanges {
  company?: string;
  role?: string;
  postingUrl?: string | null;
  postingId?: string | null;
  draftId?: string | null;
  notes?: string;
  appliedOn?: string | null;
  status?: ApplicationStatus;
}

/** An http(s) address (trimmed), else null. */
export const httpUrl = (value: unknown): string | null => safeHttpUrl(str(value)?.trim());

const day = (value: unknown): string | null => {
  const text = str(value);
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
};

export function readApplication(value: unknown): Application | null {
  const body = obj(value);
  const id = str(body?.['id']);
  if (!body || !id) return null;
  return {
    id,
    company: (str(body['company']) ?? '').slice(0, 200),
    role: (str(body['role']) ?? '').slice(0, 200),
    postingUrl: httpUrl(body['postingUrl']),
    postingId: str(body['postingId']),
    draftId: str(body['draftId']),
    notes: (str(body['notes']) ?? '').slice(0, 5_000),
    status: str(body['status'])?.slice(0, 40) || 'saved',
    appliedOn: day(body['appliedOn']),
    followUpDueAt: str(body['followUpDueAt']),
    createdAt: str(body['createdAt']),
    updatedAt: str(body['updatedAt']),
  };
}

export function readApplicationPage(value: unknown): ApplicationPage {
  const body = obj(value);
  const items = arr(body?.['items'])
    .map(readApplication)
    .filter((item): item is Application => item !== null);
  return { items, total: Math.max(num(body?.['total']) ?? items.length, items.length) };
}

export function readStatusHistory(value: unknown): StatusMove[] {
  return arr(obj(value)?.['items'])
    .flatMap((item) => {
      const move = obj(item);
      const to = str(move?.['to']);
      if (!to) return [];
      return [{ from: str(move?.['from']), to, at: str(move?.['at']) }];
    })
    .slice(0, 500);
}

export function readImportReport(value: unknown): ImportReport {
  const body = obj(value);
  return {
    imported: Math.max(num(body?.['imported']) ?? 0, 0),
    ids: arr(body?.['ids'])
      .map(str)
      .filter((id): id is string => !!id)
      .slice(0, 1_000),
    errors: arr(body?.['errors'])
      .flatMap((item) => {
        const error = obj(item);
        const row = num(error?.['row']);
        if (row === null) return [];
        const problems = arr(error?.['problems'])
          .map(str)
          .filter((p): p is string => !!p)
          .map((p) => p.slice(0, 300))
          .slice(0, 5);
        return [{ row, problems: problems.length ? problems : ['this row could not be read'] }];
      })
      .slice(0, 200),
  };
}
