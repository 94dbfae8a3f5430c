// The files module's public face: other modules import from here only.

// Storage
export type { DownloadLink, DownloadUrlOptions, FileOwner, FileStorage } from './storage/file-storage.ts';
export { DEFAULT_DOWNLOAD_EXPIRY_SECONDS, resumeKey } from './storage/file-storage.ts';
export { createLocalFileStorage, type LocalFileStorageOptions } from './storage/local-file-storage.ts';
export { createS3FileStorage, type S3FileStorageOptions } from './storage/s3-file-storage.ts';
export { verifyDownloadToken, type DownloadGrant } from './storage/download-token.ts';
export { createDownloadHandler, type DownloadContext } from './storage/download-handler.ts';
export { attachmentDisposition } from './storage/content-disposition.ts';

// Upload checks
export { inspectUpload, type ClientClaims, type InspectedUpload, type UploadWarning } from './upload/inspect-upload.ts';
export { defaultUploadLimits, type UploadLimits } from './upload/upload-limits.ts';
export { mediaTypes, resumeKinds, type ResumeKind } from './upload/resume-kind.ts';

// Extraction
export { ExtractedResume, LayoutWarning, ResumeStructure, SectionKind } from './extraction/extracted-resume.ts';
export {
  closeSharedExtractors,
  createResumeExtractor,
  defaultExtractionLimits,
  extractResume,
  type ExtractionLimits,
  type ResumeExtractor,
} from './extraction/resume-extractor.ts';

// Pipeline step
export { createFilesActivities, type FilesActivities } from './activities.ts';
