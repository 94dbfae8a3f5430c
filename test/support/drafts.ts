import type { Browser } from '../../src/modules/accounts/testing/harness.ts';

// Drafts made through the API for the browser suites: a résumé uploaded, an analysis run and
// followed until it settles.

export async function jobSettles(browser: Browser, jobId: string, status: 'succeeded' | 'failed'): Promise<unknown> {
  for (let i = 0; i < 600; i += 1) {
    const job = await browser.request('GET', `/api/jobs/${jobId}`);
    if (job.json.status === status) return job.json;
    if (job.json.status === 'failed' || job.json.status === 'succeeded') throw new Error(`job ${jobId} ended ${String(job.json.status)}, not ${status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${jobId} never became ${status}`);
}

/** Follows a job a 202 answer started until it succeeds; answers its id (a failure throws). */
export async function jobFinished(browser: Browser, started: { status: number; json: Record<string, unknown> }): Promise<string> {
  if (started.status !== 202) throw new Error(`starting the job answered ${started.status}: ${JSON.stringify(started.json)}`);
  const jobId = String(started.json.jobId);
  await jobSettles(browser, jobId, 'succeeded');
  return jobId;
}

/** A draft of `owner` with the résumé uploaded and an analysis started; answers the ids. */
export async function analysedDraft(owner: Browser, input: { title: string; job: { title: string; company: string; text: string }; resume: Buffer; fileName: string }): Promise<{ draftId: string; jobId: string }> {
  const created = await owner.request('POST', '/api/drafts', { body: { title: input.title, job: input.job } });
  if (created.status !== 201) throw new Error(`creating a draft answered ${created.status}`);
  const draftId = String(created.json.id);
  const upload = await owner.upload(`/api/drafts/${draftId}/resume`, input.resume, input.fileName);
  if (upload.status !== 201) throw new Error(`uploading the résumé answered ${upload.status}`);
  const started = await owner.request('POST', `/api/drafts/${draftId}/analyses`, { headers: { 'idempotency-key': `e2e-${draftId}` } });
  if (started.status !== 202) throw new Error(`starting the analysis answered ${started.status}`);
  return { draftId, jobId: String(started.json.jobId) };
}
