import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { ExportFormat, ExportTemplate } from '../../core/api/exports-api';
import { StartedJob, startJob } from '../../core/api/jobs-api';
import { arr, obj, oneOf, str } from '../../core/api/read';

/** The cover letter saved on a draft (null: never saved, the analysis's suggestion stands). */
export interface SavedLetter {
  text: string;
  source: 'edited' | 'generated';
  savedAt: string | null;
}

export function readSavedLetter(value: unknown): SavedLetter | null {
  const letter = obj(obj(value)?.['letter']);
  const text = str(letter?.['text']);
  if (text === null) return null;
  return {
    text: text.slice(0, 24_000),
    source: oneOf(letter?.['source'], ['edited', 'generated'] as const, 'edited'),
    savedAt: str(letter?.['savedAt']),
  };
}

/** The final résumé as the export draws it (GET /api/drafts/:id/final-resume). */
export type PreviewBody =
  | { kind: 'entries'; entries: { heading: string; dates: string | null; bullets: string[] }[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'lines'; lines: string[] };
export interface PreviewSection {
  heading: string;
  body: PreviewBody;
}
export interface PreviewResume {
  name: string | null;
  contactLine: string[];
  links: string[];
  sections: PreviewSection[];
  changesApplied: number;
}

const strings = (value: unknown, max = 200): string[] =>
  arr(value)
    .map(str)
    .filter((s): s is string => s !== null)
    .slice(0, max);

function readBody(value: unknown): PreviewBody {
  const body = obj(value);
  if (body?.['kind'] === 'entries') {
    return {
      kind: 'entries',
      entries: arr(body['entries'])
        .map(obj)
        .filter((e) => !!e)
        .slice(0, 100)
        .map((e) => ({
          heading: str(e['heading']) ?? '',
          dates: str(e['dates']),
          bullets: strings(e['bullets']),
        })),
    };
  }
  if (body?.['kind'] === 'list') return { kind: 'list', items: strings(body['items'], 300) };
  return { kind: 'lines', lines: strings(body?.['lines'], 300) };
}

/** Never trusts the shape: a wrong field becomes an empty one, never an exception in a template. */
export function readPreview(value: unknown): PreviewResume {
  const answer = obj(value);
  const resume = obj(answer?.['resume']);
  return {
    name: str(resume?.['name']),
    contactLine: strings(resume?.['contactLine'], 10),
    links: strings(resume?.['links'], 10),
    sections: arr(resume?.['sections'])
      .map(obj)
      .filter((s) => !!s)
      .slice(0, 50)
      .map((s) => ({ heading: str(s['heading']) ?? '', body: readBody(s['body']) })),
    changesApplied: typeof answer?.['changesApplied'] === 'number' ? answer['changesApplied'] : 0,
  };
}

/** The cover letter (read, save, export) and the export preview. */
@Injectable({ providedIn: 'root' })
export class LetterAndPreviewApi {
  private readonly http = inject(HttpClient);
  private readonly base = (draftId: string) => `/api/drafts/${encodeURIComponent(draftId)}`;

  savedLetter(draftId: string): Observable<SavedLetter | null> {
    return this.http.get<unknown>(`${this.base(draftId)}/cover-letter`).pipe(map(readSavedLetter));
  }

  saveLetter(draftId: string, text: string): Observable<string> {
    return this.http
      .put<unknown>(`${this.base(draftId)}/cover-letter`, { text })
      .pipe(map((answer) => str(obj(answer)?.['text']) ?? text));
  }

  exportLetter(
    draftId: string,
    choice: { format: ExportFormat; template: ExportTemplate },
    idempotencyKey: string,
  ): Observable<StartedJob> {
    return startJob(this.http, `${this.base(draftId)}/cover-letter/export`, choice, idempotencyKey);
  }

  preview(draftId: string): Observable<PreviewResume> {
    return this.http.get<unknown>(`${this.base(draftId)}/final-resume`).pipe(map(readPreview));
  }
}
