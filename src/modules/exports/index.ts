// The exports module's public face: the final résumé as PDF or DOCX, stored and recorded, and the
// routes that list exports and hand out download links.
export { createExportService, exportFileName, exportKey, finalLetterOf, type CoverLetterExportRequest, type ExportRequest, type ExportService } from './export-service.ts';
export { exportEvents, exportStream, ExportFormat, type ExportCreatedData, type ExportEvent } from './events.ts';
export { cleanLine, finalResumeOf, type BulletChange, type FinalResume } from './final-resume.ts';
export { createExportsRouter, EXPORT_LINK_SECONDS, type ExportRouteDeps } from './routes.ts';
export { exportCleanupProjection, type CleanupLog } from './export-cleanup.ts';
export { templateNames, templateOf, watermarkText, type TemplateName } from './templates.ts';
export { cleanLetter, coverLetterStream, createCoverLetterService, maxLetterLength, paragraphsOf, type CoverLetterService, type SavedCoverLetter } from './cover-letter.ts';
export { createCoverLetterAdmission, createCoverLetterRouter, type CoverLetterRouteDeps } from './cover-letter-routes.ts';
export { createPreviewRouter, type PreviewRouteDeps } from './preview-route.ts';
export { exportsApi } from './api.ts';
