// The drafts module's public face: other modules, the API process and the worker import only from here.
export { createDraftsModule, type DraftsDeps, type DraftsModule } from './module.ts';
export { draftEvents, draftStream, DraftStatus, type DraftEvent, type DraftEventData, type DraftOwner } from './events.ts';
export { createDraftStorage, downloadSigningSecret, type DraftStorageEnv } from './storage-config.ts';
export type { DraftsService } from './service.ts';
export { createDraftPipelineService, type DraftPipelineService } from './pipeline-service.ts';
export type { DraftSummary, DraftView } from './views.ts';
