// What the pipeline asks of the modules. Implementations live in their modules
// (createActivities(deps)); the workflow only knows these shapes. Every activity is idempotent:
// the events it appends take ids derived from the job and step, so a retry adds nothing twice.
export type StepName = 'pay' | 'extract' | 'analyze' | 'rewrite' | 'export' | 'remind';

export type PaymentDecision = {
  /** waived: free mode; included: the plan covers it; paid: already paid; required: wait for payment. */
  status: 'waived' | 'included' | 'paid' | 'required';
};

export type StepRecord = {
  draftId: string;
  jobId: string;
  step: StepName;
  status: 'started' | 'succeeded' | 'failed' | 'waived';
  attempt?: number;
  errorCode?: string;
};

export type JobRef = { draftId: string; jobId: string };

export interface PipelineActivities {
  decidePayment(job: JobRef): Promise<PaymentDecision>;
  extractText(job: JobRef): Promise<void>;
  analyzeDraft(job: JobRef): Promise<void>;
  rewriteBullets(job: JobRef): Promise<void>;
  exportDraft(job: JobRef & { format: 'PDF' | 'DOCX'; template: string; document?: 'resume' | 'cover-letter' }): Promise<void>;
  sendReminder(input: { draftId: string }): Promise<void>;
  recordStep(record: StepRecord): Promise<void>;
  markRefundDue(job: JobRef & { reason: string }): Promise<void>;
}
