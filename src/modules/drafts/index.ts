// The drafts module's public face: other modules, the API process and the worker import only from here.
export { createDraftsModule, type DraftsDeps, type DraftsModule } from './module.ts';
export { draftEvents, draftStream, DraftSource, DraftStatus, type DraftEvent, type DraftEventData, type DraftOwner } from './events.ts';
export { ResumeForm, formLimits, FORM_TEXT_LIMIT, type ResumeFormInput } from './resume-form.ts';
export { resumeFromForm } from './form-resume.ts';
export { createDraftStorage, downloadSigningSecret, type DraftStorageEnv } from './storage-config.ts';
export type { DraftsService } from './service.ts';
export { createDraftPipelineService, type DraftPipelineService, type ResumeSource } from './pipeline-service.ts';
export type { DraftSummary, DraftView } from './views.ts';
export { draftsApi } from './api.ts';
