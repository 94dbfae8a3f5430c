// The applications tracker's public face.
export { createApplicationsModule, type ApplicationsDeps, type ApplicationsModule } from './module.ts';
export { createApplicationsService, type ApplicationsService } from './service.ts';
export { applicationEvents, ApplicationStatus, type ApplicationEventData } from './events.ts';
export { createFollowUpActivities, noFollowUpSender, type FollowUp, type FollowUpActivities, type SendFollowUp } from './follow-up.ts';
export { createFollowUpSignals, type FollowUpSignals } from './follow-up-signals.ts';
export { followUpDispatcherProjection } from './follow-up-dispatcher.ts';
export { applicationsApi } from './api.ts';
