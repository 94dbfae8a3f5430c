import { JobView } from '../../core/api/jobs';
import { explainFailure, jobSummary, stepViews } from './job-explanations';

const job = (over: Partial<JobView>): JobView => ({
  id: 'j1',
  draftId: 'd1',
  kind: 'analysis',
  status: 'running',
  currentStep: null,
  attempts: 1,
  errorCode: null,
  steps: {},
  createdAt: null,
  updatedAt: null,
  ...over,
});

describe('explainFailure', () => {
  it('explains known codes in plain words', () => {
    expect(explainFailure('NO_TEXT_LAYER').text).toContain(
      'We found no text in this file — export it from Word/Google Docs as PDF with text',
    );
    expect(explainFailure('PAYMENT_NOT_RECEIVED').title).toBe('The payment did not come through');
    expect(explainFailure('STORAGE_UNAVAILABLE').text).toContain('Nothing you saved is lost');
    expect(explainFailure('EXTRACTION_TIMEOUT').title).toBe('Reading your résumé took too long');
  });

  it('falls back to the code, and copes with none', () => {
    expect(explainFailure('SOMETHING_NEW').text).toContain('(SOMETHING_NEW)');
    expect(explainFailure(null).text).toBe('Something went wrong. Please run it again.');
    expect(explainFailure('toString').text).toContain('(toString)');
  });
});

describe('stepViews', () => {
  it('shows Pay → Read résumé → Analyze with a waived payment as Free', () => {
    const steps = stepViews(
      job({
        currentStep: 'extract',
        steps: {
          pay: { status: 'waived', attempt: 1, errorCode: null, at: 'a' },
          extract: { status: 'started', attempt: 1, errorCode: null, at: 'b' },
        },
      }),
    );
    expect(steps.map((s) => [s.label, s.status])).toEqual([
      ['Pay', 'Free'],
      ['Read résumé', 'In progress…'],
      ['Analyze', 'Waiting'],
    ]);
  });

  it('marks the failed step with its code and later steps as not run', () => {
    const steps = stepViews(
      job({
        status: 'failed',
        errorCode: 'NO_TEXT_LAYER',
        steps: {
          pay: { status: 'succeeded', attempt: 1, errorCode: null, at: 'a' },
          extract: { status: 'failed', attempt: 2, errorCode: 'NO_TEXT_LAYER', at: 'b' },
        },
      }),
    );
    expect(steps.map((s) => [s.key, s.display, s.errorCode])).toEqual([
      ['pay', 'done', null],
      ['extract', 'failed', 'NO_TEXT_LAYER'],
      ['analyze', 'skipped', null],
    ]);
  });

  it('uses the current step before any step record arrives, and lists unknown steps too', () => {
    const steps = stepViews(
      job({
        currentStep: 'pay',
        steps: { audit: { status: 'started', attempt: null, errorCode: null, at: null } },
      }),
    );
    expect(steps.map((s) => [s.key, s.display])).toEqual([
      ['pay', 'running'],
      ['extract', 'pending'],
      ['analyze', 'pending'],
      ['audit', 'running'],
    ]);
  });

  it('shows every step done for a succeeded job even if records are missing', () => {
    expect(stepViews(job({ status: 'succeeded' })).every((s) => s.display === 'done')).toBe(true);
  });

  it('summarises the job for screen readers', () => {
    expect(jobSummary(job({ status: 'queued' }))).toBe('Your analysis is queued…');
    expect(jobSummary(job({ currentStep: 'analyze' }))).toBe('Analyze: in progress…');
    expect(jobSummary(job({ status: 'failed', errorCode: 'PAYMENT_NOT_RECEIVED' }))).toBe(
      'Analysis failed: The payment did not come through.',
    );
  });
});
