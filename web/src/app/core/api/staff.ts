import { arr, bool, num, obj, oneOf, str } from './read';
import { JOB_STATUSES, JobStatus } from './jobs';

// Support and admin answers (docs/staff.md), read defensively like every other answer: staff
// pages show raw-ish data, so unknown types and missing fields must never break them.

// ---- Support ----------------------------------------------------------------------------------

export interface StaffUser {
  id: string;
  email: string | null;
  displayName: string | null;
  plan: string | null;
  role: string | null;
  createdAt: string | null;
}

export interface StaffDraft {
  id: string;
  status: string;
  title: string | null;
  updatedAt: string | null;
}

export interface UserLookup {
  user: StaffUser | null;
  drafts: StaffDraft[];
}

export function readUserLookup(value: unknown): UserLookup {
  const body = obj(value);
  const user = obj(body?.['user']);
  const id = str(user?.['id']);
  return {
    user:
      user && id
        ? {
            id,
            email: str(user['email']),
            displayName: str(user['displayName']),
            plan: str(user['plan']),
            role: str(user['role']),
            createdAt: str(user['createdAt']),
          }
        : null,
    drafts: arr(body?.['drafts']).flatMap((item) => {
      const draft = obj(item);
      const draftId = str(draft?.['id']);
      if (!draft || !draftId) return [];
      return [
        {
          id: draftId,
          status: str(draft['status']) ?? 'UNKNOWN',
          title: str(draft['title']),
          updatedAt: str(draft['updatedAt']),
        },
      ];
    }),
  };
}

/** The stream families of a draft's timeline; anything else is "other". */
export const STREAM_GROUPS = ['draft', 'job', 'payments', 'analysis', 'other'] as const;
export type StreamGroup = (typeof STREAM_GROUPS)[number];

export interface TimelineEvent {
  position: number;
  stream: string;
  group: StreamGroup;
  type: string;
  at: string | null;
  actor: string;
  data: unknown;
}

export function streamGroup(stream: string): StreamGroup {
  const prefix = stream.split('-', 1)[0];
  return (STREAM_GROUPS as readonly string[]).includes(prefix) && prefix !== 'other'
    ? (prefix as StreamGroup)
    : 'other';
}

export function readTimeline(value: unknown): TimelineEvent[] {
  return arr(obj(value)?.['events'])
    .flatMap((item, index) => {
      const event = obj(item);
      if (!event) return [];
      const stream = str(event['stream']) ?? 'unknown';
      return [
        {
          position: num(event['position']) ?? -1 - index,
          stream,
          group: streamGroup(stream),
          type: str(event['type']) ?? 'UnknownEvent',
          at: str(event['at']),
          actor: str(event['actor']) ?? 'unknown',
          data: event['data'] ?? null,
        },
      ];
    })
    .sort((a, b) => a.position - b.position);
}

export interface HistoryLine {
  id: number;
  at: string | null;
  type: string;
  activity: string | null;
  attempt: number | null;
  errorType: string | null;
  message: string | null;
  signal: string | null;
  /** A failure, a time-out or a termination: highlighted in the table. */
  failed: boolean;
}

export interface WorkflowHistory {
  workflowId: string | null;
  /** Only an http(s) address is kept: it becomes a link. */
  temporalUi: string | null;
  history: HistoryLine[];
}

// A cancelled timer is ordinary (a retry signal ends a wait): not a failure.
const FAILURE_TYPE = /failed|timed_out|terminated/i;

export function safeHttpUrl(value: unknown): string | null {
  const text = str(value);
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function readWorkflow(value: unknown): WorkflowHistory {
  const body = obj(value);
  return {
    workflowId: str(body?.['workflowId']),
    temporalUi: safeHttpUrl(body?.['temporalUi']),
    history: arr(body?.['history']).flatMap((item, index) => {
      const line = obj(item);
      if (!line) return [];
      const type = str(line['type']) ?? 'unknown';
      const errorType = str(line['errorType']);
      const message = str(line['message']);
      return [
        {
          id: num(line['id']) ?? index + 1,
          at: str(line['at']),
          type,
          activity: str(line['activity']),
          attempt: num(line['attempt']),
          errorType,
          message,
          signal: str(line['signal']),
          failed: FAILURE_TYPE.test(type) || !!errorType,
        },
      ];
    }),
  };
}

export interface ReplayVerdict {
  deterministic: boolean;
  error: string | null;
}

export function readReplay(value: unknown): ReplayVerdict {
  const body = obj(value);
  // Anything but an explicit `true` is not a green verdict.
  return { deterministic: body?.['deterministic'] === true, error: str(body?.['error']) };
}

export const PROJECTIONS = [
  'stream-catalog',
  'users',
  'sessions',
  'users-guests',
  'drafts',
  'jobs',
  'analyses',
  'revenue',
] as const;
export type ProjectionName = (typeof PROJECTIONS)[number];

// ---- Admin ------------------------------------------------------------------------------------

export interface DayCount {
  day: string;
  n: number;
  failed: number;
}

export interface Revenue {
  currency: string;
  amount: number;
  refunded: number;
}

export interface AdminOverview {
  users: number;
  draftsByStatus: { status: string; n: number }[];
  analysesPerDay: DayCount[];
  /** 0..1 */
  failureRate: number;
  revenue: Revenue[];
}

const count = (value: unknown): number => Math.max(0, Math.round(num(value) ?? 0));

export function readOverview(value: unknown): AdminOverview {
  const body = obj(value);
  return {
    users: count(body?.['users']),
    draftsByStatus: Object.entries(obj(body?.['draftsByStatus']) ?? {}).map(([status, n]) => ({
      status,
      n: count(n),
    })),
    analysesPerDay: arr(body?.['analysesPerDay']).flatMap((item) => {
      const day = obj(item);
      const name = str(day?.['day']);
      if (!day || !name) return [];
      const n = count(day['n']);
      return [{ day: name, n, failed: Math.min(n, count(day['failed'])) }];
    }),
    failureRate: Math.min(1, Math.max(0, num(body?.['failureRate']) ?? 0)),
    revenue: arr(body?.['revenue']).flatMap((item) => {
      const money = obj(item);
      const currency = str(money?.['currency']);
      if (!money || !currency) return [];
      return [{ currency, amount: num(money['amount']) ?? 0, refunded: num(money['refunded']) ?? 0 }];
    }),
  };
}

export const JOB_STEPS = ['pay', 'extract', 'analyze', 'rewrite', 'export'] as const;

export interface AdminJob {
  jobId: string;
  draftId: string | null;
  workflowId: string | null;
  kind: string;
  /** Unknown statuses are kept as text (never shown as failed, so never offered a retry). */
  status: JobStatus | (string & {});
  currentStep: string | null;
  errorCode: string | null;
  attempts: number;
  updatedAt: string | null;
}

export interface JobsPage {
  items: AdminJob[];
  total: number;
  page: number;
  pageSize: number;
}

export interface JobsFilter {
  status: string | null;
  step: string | null;
  errorCode: string | null;
  page: number;
  pageSize: number;
}

export function readJobsPage(value: unknown, asked: JobsFilter): JobsPage {
  const body = obj(value);
  const items = arr(body?.['items']).flatMap((item): AdminJob[] => {
    const job = obj(item);
    const jobId = str(job?.['jobId']);
    if (!job || !jobId) return [];
    return [
      {
        jobId,
        draftId: str(job['draftId']),
        workflowId: str(job['workflowId']),
        kind: str(job['kind']) ?? 'analysis',
        status: str(job['status']) ?? 'unknown',
        currentStep: str(job['currentStep']),
        errorCode: str(job['errorCode']),
        attempts: count(job['attempts']),
        updatedAt: str(job['updatedAt']),
      },
    ];
  });
  return {
    items,
    total: Math.max(items.length, count(body?.['total'])),
    page: num(body?.['page']) ?? asked.page,
    pageSize: num(body?.['pageSize']) ?? asked.pageSize,
  };
}

export function isKnownJobStatus(status: string): status is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(status);
}

export interface Flags {
  ENABLE_SSE: boolean;
  ENABLE_WATERMARKED_EXPORT: boolean;
  ANALYSIS_ENGINE: 'auto' | 'offline';
}
export type FlagName = keyof Flags;
export const ENGINES = ['auto', 'offline'] as const;

export function readFlags(value: unknown): Flags {
  const flags = obj(obj(value)?.['flags']);
  return {
    ENABLE_SSE: bool(flags?.['ENABLE_SSE']),
    ENABLE_WATERMARKED_EXPORT: bool(flags?.['ENABLE_WATERMARKED_EXPORT']),
    ANALYSIS_ENGINE: oneOf(flags?.['ANALYSIS_ENGINE'], ENGINES, 'auto'),
  };
}

// ---- Money ------------------------------------------------------------------------------------

/** An amount in minor units (cents) as the browser's locale writes it: 490 EUR → "€4.90". */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const code = currency.toUpperCase();
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    // Not an ISO currency code: still say something honest.
    return `${(minor / 100).toFixed(2)} ${code}`;
  }
}

/** A time from the API as a readable local time; text that is not a time is shown as it is. */
export function formatWhen(at: string | null, locale?: string): string {
  if (!at) return '—';
  const time = Date.parse(at);
  if (Number.isNaN(time)) return at;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(time);
}

export const MAX_JSON_CHARS = 50_000;

/** Event data as indented JSON text (never HTML), cut at `max` characters. */
export function jsonText(value: unknown, max = MAX_JSON_CHARS): { text: string; cut: boolean } {
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? { text: text.slice(0, max), cut: true } : { text, cut: false };
}
