import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { ApiError } from '../../core/api/api-error';
import { arr, num, obj, str } from '../../core/api/read';

/** The general résumé's form as the API takes it (PUT /api/drafts/:id/form, POST /api/drafts). */
export interface ResumeFormBody {
  contact: { name: string; email: string; phone: string; location: string; links: string[] };
  summary: string;
  experience: {
    title: string;
    company: string;
    location: string;
    start: string;
    end: string;
    bullets: string[];
  }[];
  education: { institution: string; degree: string; start: string; end: string }[];
  skills: string[];
}

export interface GeneralDraftBody {
  title?: string;
  job?: { title?: string; company?: string; text: string };
  form: ResumeFormBody;
}

/** What the page needs of an existing general draft to edit it again. */
export interface GeneralDraft {
  id: string;
  title: string | null;
  status: string;
  source: 'UPLOAD' | 'GENERAL';
  form: ResumeFormBody | null;
}

/** The API's limits (src/modules/drafts/resume-form.ts): the form checks them before sending. */
export const FORM_LIMITS = {
  name: 100,
  email: 254,
  phone: 40,
  location: 100,
  link: 300,
  links: 5,
  summary: 2_000,
  title: 120,
  company: 120,
  date: 30,
  experience: 15,
  bullets: 10,
  bullet: 300,
  institution: 150,
  degree: 150,
  education: 8,
  skill: 60,
  skills: 50,
} as const;

const text = (value: unknown): string => str(value) ?? '';

/** A stored form read loosely: whatever is missing or odd becomes empty rather than failing the page. */
export function readForm(value: unknown): ResumeFormBody | null {
  const form = obj(value);
  if (!form) return null;
  const contact = obj(form['contact']);
  return {
    contact: {
      name: text(contact?.['name']),
      email: text(contact?.['email']),
      phone: text(contact?.['phone']),
      location: text(contact?.['location']),
      links: arr(contact?.['links']).map(text).filter(Boolean),
    },
    summary: text(form['summary']),
    experience: arr(form['experience']).map((item) => {
      const entry = obj(item);
      return {
        title: text(entry?.['title']),
        company: text(entry?.['company']),
        location: text(entry?.['location']),
        start: text(entry?.['start']),
        end: text(entry?.['end']),
        bullets: arr(entry?.['bullets']).map(text).filter(Boolean),
      };
    }),
    education: arr(form['education']).map((item) => {
      const entry = obj(item);
      return {
        institution: text(entry?.['institution']),
        degree: text(entry?.['degree']),
        start: text(entry?.['start']),
        end: text(entry?.['end']),
      };
    }),
    skills: arr(form['skills']).map(text).filter(Boolean),
  };
}

function badResponse(what: string): ApiError {
  return new ApiError({
    code: 'BAD_RESPONSE',
    message: `The server sent ${what} we could not read.`,
    status: 200,
  });
}

/** The general résumé's calls: create a GENERAL draft with its form, load it, save it again. */
@Injectable({ providedIn: 'root' })
export class GeneralResumeApi {
  private readonly http = inject(HttpClient);

  create(body: GeneralDraftBody): Observable<{ id: string; position: number | null }> {
    return this.http.post<unknown>('/api/drafts', { ...body, source: 'GENERAL' }).pipe(
      map((answer) => {
        const id = str(obj(answer)?.['id']);
        if (!id) throw badResponse('a new draft');
        return { id, position: num(obj(answer)?.['position']) };
      }),
    );
  }

  load(id: string): Observable<GeneralDraft> {
    return this.http.get<unknown>(`/api/drafts/${encodeURIComponent(id)}`).pipe(
      map((answer) => {
        const draft = obj(answer);
        const draftId = str(draft?.['id']);
        if (!draft || !draftId) throw badResponse('a draft');
        return {
          id: draftId,
          title: str(draft['title']),
          status: text(draft['status']),
          source: draft['source'] === 'GENERAL' ? 'GENERAL' : 'UPLOAD',
          form: readForm(draft['form']),
        };
      }),
    );
  }

  saveForm(id: string, form: ResumeFormBody): Observable<{ position: number | null }> {
    return this.http
      .put<unknown>(`/api/drafts/${encodeURIComponent(id)}/form`, { form })
      .pipe(map((answer) => ({ position: num(obj(answer)?.['position']) })));
  }
}
