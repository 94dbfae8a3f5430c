import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser } from '../../src/modules/accounts/testing/harness.ts';
import { paragraphsOf } from '../../src/modules/exports/index.ts';
import { closeSharedExtractors, extractResume } from '../../src/modules/files/index.ts';
import { member } from '../support/accounts.ts';
import { jobFinished } from '../support/drafts.ts';
import { startProduct, type RunningProduct } from '../support/product.ts';

// The cover letter through the HTTP API of the real processes (api, worker with Temporal, projector):
// a PRO user's analysis suggests a letter, the person edits and saves it, exports it as PDF and DOCX
// (a finalize job that leaves the draft open), and the files read back give the edited paragraphs in
// order. Deleting the draft then removes the exported files: links handed out before answer 404.

const password = 'correct horse battery staple 42';
const resume = readFileSync(new URL('../../../shared/fixtures/resumes/rm_harvey_dent_mle.pdf', import.meta.url));
const jobText = readFileSync(new URL('../../../shared/fixtures/job-descriptions/backend-eng.txt', import.meta.url), 'utf8');

let product: RunningProduct;
beforeAll(async () => {
  product = await startProduct();
}, 120_000);
afterAll(async () => {
  await closeSharedExtractors();
  await product?.stop();
});

const signedUp = (plan: 'FREE' | 'PRO') => member(product, plan, `letter-${randomUUID()}@example.com`, password);

async function draftWithAnalysis(b: Browser): Promise<string> {
  const created = await b.request('POST', '/api/drafts', { body: { title: 'Backend', job: { title: 'Backend Engineer', company: 'Initech', text: jobText } } });
  const draftId = String(created.json.id);
  expect((await b.upload(`/api/drafts/${draftId}/resume`, resume, 'resume.pdf')).status).toBe(201);
  await jobFinished(b, await b.request('POST', `/api/drafts/${draftId}/analyses`));
  return draftId;
}


async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 150; i += 1) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('never became visible');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A plain GET of a download link (no cookies: the link is the whole authorisation). */
async function fetchLink(url: string, step: string): Promise<Response> {
  try {
    return await fetch(new URL(url, product.baseUrl), { headers: { connection: 'close' } });
  } catch (error) {
    throw new Error(`${step}: ${(error as Error).message} (${String((error as { cause?: unknown }).cause)})`, { cause: error });
  }
}

describe('cover letter: edit → save → export → download (real pipeline)', () => {
  it('exports the saved, edited letter in PDF and DOCX with its paragraphs in order; deleting the draft removes the files', async () => {
    const pro = await signedUp('PRO');
    const draftId = await draftWithAnalysis(pro);
    const analysis = await pro.request('GET', `/api/drafts/${draftId}/analysis`);
    const suggested = String((analysis.json.result as { coverLetter: { text: string } }).coverLetter.text);
    expect(suggested).toContain('Dear Hiring Manager');
    expect((await pro.request('GET', `/api/drafts/${draftId}/cover-letter`)).json).toEqual({ letter: null });

    // The person's edit, with a few hostile bits: markup stays text, control and bidi characters go.
    const edited = `${suggested}\n\n\n\nP.S. I have read about <b>Initech</b>'s\u202e on-call rota\u0000 and I like it.`;
    const saved = await pro.request('PUT', `/api/drafts/${draftId}/cover-letter`, { body: { text: edited } });
    expect(saved.status).toBe(200);
    expect(saved.json.text).toContain("P.S. I have read about <b>Initech</b>'s on-call rota and I like it.");
    const letter = String(saved.json.text);
    const again = await pro.request('PUT', `/api/drafts/${draftId}/cover-letter`, { body: { text: edited } });
    expect(again.json.saved).toBe(false);
    const stored = await eventually(async () => {
      const got = await pro.request('GET', `/api/drafts/${draftId}/cover-letter`);
      return (got.json.letter as { text: string } | null)?.text === letter ? got.json.letter : undefined;
    });
    expect(stored).toMatchObject({ source: 'edited' });

    const links: string[] = [];
    for (const format of ['PDF', 'DOCX'] as const) {
      const exportId = await jobFinished(pro, await pro.request('POST', `/api/drafts/${draftId}/cover-letter/export`, { body: { format, template: 'modern' } }));
      const link = await eventually(async () => {
        const got = await pro.request('GET', `/api/exports/${exportId}`);
        return got.status === 200 ? got.json : undefined;
      });
      expect(link).toMatchObject({ kind: 'cover-letter', format, template: 'modern', fileName: expect.stringMatching(/^Cover letter.*\.(pdf|docx)$/) });
      links.push(String(link.downloadUrl));
      const file = await fetchLink(String(link.downloadUrl), `download ${format}`);
      expect(file.status).toBe(200);
      const back = await extractResume(new Uint8Array(await file.arrayBuffer()), format === 'PDF' ? 'pdf' : 'docx');
      let from = 0;
      const text = squash(back.text);
      for (const paragraph of paragraphsOf(letter)) {
        const at = text.indexOf(squash(paragraph.join(' ')), from);
        expect({ paragraph, at: at >= 0 }).toEqual({ paragraph, at: true });
        from = at;
      }
    }
    // Exporting the letter does not finalize the draft.
    expect((await pro.request('GET', `/api/drafts/${draftId}`)).json).toMatchObject({ status: 'READY' });

    expect((await pro.request('DELETE', `/api/drafts/${draftId}`)).status).toBeLessThan(300);
    for (const url of links) {
      await eventually(async () => ((await fetchLink(url, 'link after deletion')).status === 404 ? true : undefined));
    }
  }, 240_000);

  it('answers COVER_LETTER_NOT_FOUND for a draft whose analysis wrote no letter (FREE plan), and 404 for someone else’s draft', async () => {
    const free = await signedUp('FREE');
    const draftId = await draftWithAnalysis(free);
    const refused = await free.request('POST', `/api/drafts/${draftId}/cover-letter/export`, { body: { format: 'PDF' } });
    expect(refused.status).toBe(404);
    expect(refused.json.error).toMatchObject({ code: 'COVER_LETTER_NOT_FOUND' });
    const stranger = await signedUp('FREE');
    expect((await stranger.request('PUT', `/api/drafts/${draftId}/cover-letter`, { body: { text: 'mine now' } })).status).toBe(404);
    expect((await stranger.request('GET', `/api/drafts/${draftId}/cover-letter`)).status).toBe(404);
    const huge = await free.request('PUT', `/api/drafts/${draftId}/cover-letter`, { body: { text: 'x'.repeat(30_000) } });
    expect(huge.json.error).toMatchObject({ code: "VALIDATION_FAILED" });
  }, 240_000);
});
