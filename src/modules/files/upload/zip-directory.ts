import { Inflate } from 'fflate';
import { AppError } from '../../../platform/errors.ts';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * Reads only the central directory at the end of the archive: names and declared sizes are known
 * before a single byte is inflated, so a bomb is refused without being opened.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  // ZIP64 marks these fields as 0xffff…; no résumé needs an archive that large.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new AppError('ARCHIVE_TOO_LARGE', { details: { reason: 'zip64' } });
  if (count > maxEntries) throw new AppError('ARCHIVE_TOO_MANY_ENTRIES', { details: { entries: count, limit: maxEntries } });
  if (offset + size > end) throw corrupt('directory outside the archive');

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw corrupt('bad directory entry');
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + skip;
  }
  return entries;
}

/**
 * Inflates one entry but stops the moment it produces more than `maxBytes`, whatever its header
 * claimed: the declared size of a hostile archive is just another lie to check.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw corrupt(`bad local header for ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw corrupt(`${entry.name} is truncated`);
  if (entry.method === STORED) {
    if (data.length > maxBytes) throw tooLarge(entry.name);
    return data;
  }
  if (entry.method !== DEFLATED) throw corrupt(`unsupported compression for ${entry.name}`);
  return inflateBounded(data, maxBytes, entry.name);
}

function inflateBounded(data: Uint8Array, maxBytes: number, name: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(name);
    chunks.push(chunk);
  });
  // Small input slices bound each output burst: deflate cannot expand more than ~1032:1.
  const slice = 4096;
  try {
    for (let i = 0; i < data.length; i += slice) inflater.push(data.subarray(i, i + slice), i + slice >= data.length);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw corrupt(`${name} does not inflate`);
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function findEndOfDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, so it sits near the end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw corrupt('no end of central directory');
}

const corrupt = (reason: string): AppError => new AppError('FILE_CORRUPT', { details: { reason } });
const tooLarge = (name: string): AppError => new AppError('ARCHIVE_TOO_LARGE', { details: { entry: name } });
