import { AppError } from '../../../platform/errors.ts';
import type { UploadLimits } from './upload-limits.ts';
import { readZipDirectory, readZipEntry, type ZipEntry } from './zip-directory.ts';

type ArchiveLimits = Pick<UploadLimits, 'maxArchiveEntries' | 'maxArchiveBytes' | 'maxArchiveEntryBytes' | 'maxCompressionRatio' | 'ratioCheckFromBytes'>;

const NESTED = /\.(zip|docx|docm|dotm|xlsx|xlsm|pptx|pptm|jar|7z|rar|gz|tgz|tar|cab|bin|ole)$/i;
const XML_PART = /\.(xml|rels)$/i;

/**
 * Everything a DOCX must pass before mammoth sees it. Order matters: the directory (counts and
 * declared sizes) first, then the parts' real sizes while inflating under a cap, then their content.
 */
export function guardDocx(bytes: Uint8Array, limits: ArchiveLimits): void {
  const entries = readZipDirectory(bytes, limits.maxArchiveEntries);
  checkDeclaredSizes(entries, limits);
  checkEntryKinds(entries);

  const parts = new Map(entries.map((entry) => [entry.name, entry]));
  const contentTypes = parts.get('[Content_Types].xml');
  if (!contentTypes || !parts.has('word/document.xml')) throw new AppError('UNSUPPORTED_FILE_TYPE', { details: { reason: 'not a Word document' } });

  let inflated = 0;
  for (const entry of entries) {
    if (!XML_PART.test(entry.name)) continue;
    // Capped at the declared size too: a part that inflates past what its header says is lying.
    const xml = readZipEntry(bytes, entry, Math.min(entry.uncompressedSize, limits.maxArchiveEntryBytes, limits.maxArchiveBytes - inflated));
    inflated += xml.length;
    checkXml(entry.name, xml);
  }
  const types = new TextDecoder().decode(readZipEntry(bytes, contentTypes, limits.maxArchiveEntryBytes));
  if (/macroEnabled|vbaProject/i.test(types)) throw new AppError('DOCX_MACROS_REFUSED');
}

function checkDeclaredSizes(entries: ZipEntry[], limits: ArchiveLimits): void {
  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    const bomb =
      entry.uncompressedSize > limits.maxArchiveEntryBytes ||
      declared > limits.maxArchiveBytes ||
      (entry.uncompressedSize >= limits.ratioCheckFromBytes && ratio > limits.maxCompressionRatio);
    if (bomb) throw new AppError('ARCHIVE_TOO_LARGE', { details: { entry: entry.name, declaredBytes: entry.uncompressedSize, ratio: Math.round(ratio) } });
  }
}

function checkEntryKinds(entries: ZipEntry[]): void {
  for (const entry of entries) {
    const leaf = entry.name.split('/').pop() ?? '';
    if (/^vbaProject\.bin$|^vbaData\.xml$/i.test(leaf)) throw new AppError('DOCX_MACROS_REFUSED');
    if (entry.encrypted) throw new AppError('FILE_CORRUPT', { details: { reason: 'encrypted archive entry' } });
    if (entry.name.startsWith('/') || entry.name.split(/[/\\]/).includes('..')) throw new AppError('FILE_CORRUPT', { details: { reason: 'unsafe entry name' } });
    if (NESTED.test(leaf) || entry.name.startsWith('word/embeddings/')) throw new AppError('ARCHIVE_NESTED', { details: { entry: entry.name } });
  }
}

function checkXml(name: string, xml: Uint8Array): void {
  // Word never writes a DOCTYPE; one in an upload can only be there for entity expansion or XXE.
  const utf16 = (xml[0] === 0xff && xml[1] === 0xfe) || (xml[0] === 0xfe && xml[1] === 0xff);
  const head = new TextDecoder(utf16 ? (xml[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8').decode(xml);
  if (/<!DOCTYPE|<!ENTITY/i.test(head)) throw new AppError('XML_ENTITIES_REFUSED', { details: { part: name } });
}
