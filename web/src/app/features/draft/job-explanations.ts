import { JobStepState, JobView } from '../../core/api/jobs';

// What a person reads when a step of the pipeline fails, per error code. Unknown codes fall back to
// a generic sentence that still names the code, so support can find it.

export interface Explanation {
  title: string;
  text: string;
}

const explanations: Readonly<Record<string, Explanation>> = {
  NO_TEXT_LAYER: {
    title: 'We could not read any text in your résumé',
    text:
      'We found no text in this file — export it from Word/Google Docs as PDF with text ' +
      '(File → Download → PDF), not a scan or a photo, and upload it again.',
  },
  PAYMENT_NOT_RECEIVED: {
    title: 'The payment did not come through',
    text: 'We did not receive the payment for this analysis, so it was not run. Run it again and complete the checkout.',
  },
  PAYMENT_REQUIRED: {
    title: 'This analysis needs a payment',
    text: 'Your plan does not include another analysis. Upgrade or pay for this one to continue.',
  },
  FREE_ANALYSIS_USED: {
    title: 'Your free analysis is used up',
    text: 'Create an account or upgrade to run more analyses. Your draft stays saved.',
  },
  EXTRACTION_TIMEOUT: {
    title: 'Reading your résumé took too long',
    text: 'Very large or complex files can do this. Export a simpler PDF (fewer images, no scanned pages) or upload a .docx, then run it again.',
  },
  EXTRACTION_OUT_OF_MEMORY: {
    title: 'Your résumé is too heavy to read',
    text: 'The file needed more memory than a résumé should. Export it again without large images and upload that.',
  },
  PDF_ENCRYPTED: {
    title: 'The PDF is password-protected',
    text: 'Export the PDF again without a password or protection, then upload it.',
  },
  PDF_TOO_MANY_PAGES: {
    title: 'The PDF has too many pages',
    text: 'A résumé is usually one to three pages. Upload just the résumé, not a portfolio.',
  },
  FILE_CORRUPT: {
    title: 'The file is damaged',
    text: 'The file is incomplete or damaged. Open it on your computer, save or export it again, and upload the new copy.',
  },
  FILE_NOT_FOUND: {
    title: 'The résumé file is missing',
    text: 'We could not find the uploaded file any more. Upload your résumé again.',
  },
  STORAGE_UNAVAILABLE: {
    title: 'Our file storage was out of reach',
    text: 'Nothing you saved is lost: storing or reading the file failed for a while on our side. Please run it again in a few minutes.',
  },
  RESUME_REQUIRED: {
    title: 'No résumé yet',
    text: 'Upload your résumé to this draft first, then run the analysis.',
  },
  ANALYSIS_TIMEOUT: {
    title: 'The analysis took too long',
    text: 'Our analysis service did not finish in time. Please run it again in a minute.',
  },
  ANALYSIS_UNAVAILABLE: {
    title: 'The analysis service is busy',
    text: 'Please run the analysis again in a minute.',
  },
  ANALYSIS_INVALID_OUTPUT: {
    title: 'The analysis went wrong',
    text: 'The analysis service gave an answer we could not use. Please run it again.',
  },
  DRAFT_DELETED: {
    title: 'This draft was deleted',
    text: 'The draft was deleted while the analysis was running.',
  },
};

export function explainFailure(code: string | null | undefined): Explanation {
  if (code && Object.hasOwn(explanations, code)) return explanations[code];
  return {
    title: 'This step did not complete',
    text: code
      ? `Something went wrong (${code}). Please run it again; if it keeps failing, contact support with this code.`
      : 'Something went wrong. Please run it again.',
  };
}

export type StepDisplay = 'pending' | 'running' | 'done' | 'free' | 'failed' | 'skipped';

export interface StepView {
  key: string;
  label: string;
  display: StepDisplay;
  /** "Free", "Done", "In progress…", "Failed", "Waiting", "Not run". */
  status: string;
  errorCode: string | null;
}

const stepsByKind: Readonly<Record<string, readonly { key: string; label: string }[]>> = {
  analysis: [
    { key: 'pay', label: 'Pay' },
    { key: 'extract', label: 'Read résumé' },
    { key: 'analyze', label: 'Analyze' },
  ],
  rewrite: [
    { key: 'pay', label: 'Pay' },
    { key: 'rewrite', label: 'Rewrite' },
  ],
  finalize: [
    { key: 'pay', label: 'Pay' },
    { key: 'export', label: 'Export' },
  ],
};

const statusText: Readonly<Record<StepDisplay, string>> = {
  pending: 'Waiting',
  running: 'In progress…',
  done: 'Done',
  free: 'Free',
  failed: 'Failed',
  skipped: 'Not run',
};

function displayOf(step: JobStepState | undefined, key: string, job: JobView): StepDisplay {
  if (step) {
    if (step.status === 'succeeded') return 'done';
    if (step.status === 'waived') return 'free';
    if (step.status === 'failed') return 'failed';
    return job.status === 'failed' ? 'failed' : 'running';
  }
  if (job.status === 'failed') return 'skipped';
  if (job.status === 'succeeded') return 'done';
  return job.currentStep === key && job.status === 'running' ? 'running' : 'pending';
}

/** The steps to show for a job, known steps first, then any step this build does not know. */
export function stepViews(job: JobView): StepView[] {
  const known = stepsByKind[job.kind] ?? [];
  const extra = Object.keys(job.steps)
    .filter((key) => !known.some((step) => step.key === key))
    .map((key) => ({ key, label: key.charAt(0).toUpperCase() + key.slice(1) }));
  return [...known, ...extra].map(({ key, label }) => {
    const step = job.steps[key];
    const display = displayOf(step, key, job);
    return {
      key,
      label,
      display,
      status: statusText[display],
      errorCode: display === 'failed' ? (step?.errorCode ?? job.errorCode) : null,
    };
  });
}

/** One sentence for the live region. */
export function jobSummary(job: JobView): string {
  switch (job.status) {
    case 'queued':
      return 'Your analysis is queued…';
    case 'running': {
      const running = stepViews(job).find((step) => step.display === 'running');
      return running ? `${running.label}: in progress…` : 'Working on your analysis…';
    }
    case 'succeeded':
      return 'Analysis complete.';
    case 'failed':
      return `Analysis failed: ${explainFailure(job.errorCode).title}.`;
  }
}
