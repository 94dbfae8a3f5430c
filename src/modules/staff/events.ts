import { z } from 'zod';
import { defineEvent, type EventOf } from '../../platform/event-store/index.ts';

// What staff do is recorded like anything else. Streams:
//   feature-flags            every flag change, with who made it
//   staff-audit-<staffId>    each look a support or admin person takes at someone's data
const at = z.iso.datetime({ offset: true });

export const flagNames = ['ENABLE_SSE', 'ENABLE_WATERMARKED_EXPORT', 'ANALYSIS_ENGINE'] as const;
export const FlagName = z.enum(flagNames);
export type FlagName = z.infer<typeof FlagName>;

export const FeatureFlagSet = defineEvent('FeatureFlagSet', z.object({
  flag: FlagName, value: z.union([z.boolean(), z.string().max(40)]), staffId: z.string().min(1).max(64), reason: z.string().max(200), at,
}));
export const StaffAccessRecorded = defineEvent('StaffAccessRecorded', z.object({
  staffId: z.string().min(1).max(64),
  action: z.enum(['timeline', 'history', 'replay', 'bundle', 'rebuild', 'lookup']),
  subject: z.enum(['draft', 'user', 'workflow', 'projection']),
  subjectId: z.string().max(200),
  at,
}));

export const staffEvents = [FeatureFlagSet, StaffAccessRecorded] as const;
export type StaffEvent = EventOf<typeof FeatureFlagSet> | EventOf<typeof StaffAccessRecorded>;
export const flagsStream = 'feature-flags';
export const auditStream = (staffId: string) => `staff-audit-${staffId}`;
