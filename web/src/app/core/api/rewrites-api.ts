import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { ApiError } from './api-error';
import { StartedJob, startJob } from './jobs-api';
import { arr, num, obj, oneOf, str } from './read';

export const CHANGE_DECISIONS = ['pending', 'accepted', 'rejected', 'edited'] as const;
export type ChangeDecision = (typeof CHANGE_DECISIONS)[number];
export type DecisionVerb = 'accept' | 'reject' | 'edit';

/** One suggested bullet change and what the person decided about it. */
export interface BulletChange {
  index: number;
  original: string;
  suggested: string;
  decision: ChangeDecision;
  /** The person's wording for an edited change (else null). */
  text: string | null;
}

export interface RewriteReview {
  jobId: string;
  regenCount: number;
  lastRegenAt: string | null;
  changes: BulletChange[];
}

export interface RewriteAnswer {
  jobId: string | null;
  createdAt: string | null;
  review: RewriteReview | null;
}

export interface DecisionInput {
  index: number;
  decision: DecisionVerb;
  text?: string;
}

/** Longest edited line the API keeps. */
export const MAX_EDIT_LENGTH = 600;
/** More changes than this are not shown (the API offers far fewer). */
const MAX_CHANGES = 200;

/** Folds an edit to one line the way the API will: no control / zero-width / bidi characters. */
export function cleanEdit(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function readChange(value: unknown): BulletChange | null {
  const change = obj(value);
  const index = num(change?.['index']);
  const original = str(change?.['original']);
  const suggested = str(change?.['suggested']);
  if (
    index === null ||
    !Number.isInteger(index) ||
    index < 0 ||
    original === null ||
    suggested === null
  )
    return null;
  return {
    index,
    original,
    suggested,
    decision: oneOf(change?.['decision'], CHANGE_DECISIONS, 'pending'),
    text: str(change?.['text']),
  };
}

export function readReview(value: unknown): RewriteReview | null {
  const review = obj(value);
  const jobId = str(review?.['jobId']);
  if (!jobId) return null;
  const seen = new Set<number>();
  const changes = arr(review?.['changes'])
    .map(readChange)
    .filter((change): change is BulletChange => {
      // A repeated index could never be decided apart: keep the first.
      if (!change || seen.has(change.index)) return false;
      seen.add(change.index);
      return true;
    })
    .slice(0, MAX_CHANGES);
  const regenCount = num(review?.['regenCount']);
  return {
    jobId,
    regenCount: regenCount !== null && regenCount >= 0 ? Math.floor(regenCount) : 0,
    lastRegenAt: str(review?.['lastRegenAt']),
    changes,
  };
}

export function readRewriteAnswer(value: unknown): RewriteAnswer {
  const body = obj(value);
  return {
    jobId: str(body?.['jobId']),
    createdAt: str(body?.['createdAt']),
    review: readReview(body?.['review']),
  };
}

/** When a refused rewrite becomes possible again (429 details), or null. */
export function retryAt(error: ApiError): string | null {
  const details = obj(error.details);
  if (error.code === 'REWRITE_QUOTA_USED') return str(details?.['resetAt']);
  if (error.code === 'REWRITE_COOLDOWN') return str(details?.['cooldownUntil']);
  return null;
}

/** Better bullets for a draft: start a rewrite, read its review, decide on its changes. */
@Injectable({ providedIn: 'root' })
export class RewritesApi {
  private readonly http = inject(HttpClient);

  private url(draftId: string, rest = ''): string {
    return `/api/drafts/${encodeURIComponent(draftId)}/rewrite${rest}`;
  }

  start(draftId: string, idempotencyKey: string): Observable<StartedJob> {
    return startJob(this.http, this.url(draftId), {}, idempotencyKey);
  }

  get(draftId: string): Observable<RewriteAnswer> {
    return this.http.get<unknown>(this.url(draftId)).pipe(map(readRewriteAnswer));
  }

  decide(draftId: string, jobId: string, decisions: DecisionInput[]): Observable<unknown> {
    return this.http.post<unknown>(this.url(draftId, '/decisions'), { jobId, decisions });
  }
}
