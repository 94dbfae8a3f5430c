import { runEventsCli } from '../platform/event-store/cli.ts';
import { eventCatalog } from './event-catalog.ts';

// `npm run events -- …`: the support CLI with the product's catalog (redaction lists, upcasters).
await runEventsCli(eventCatalog);
