import { Unzlib } from 'fflate';
import { inflateSync } from 'node:zlib';
import { AppError } from '../../../platform/errors.ts';

const encoder = new TextEncoder();
const STREAM = encoder.encode('stream');
const END_STREAM = encoder.encode('endstream');
const FLATE = /\/(FlateDecode|Fl)\b/;

/**
 * Inflates every Flate stream of a PDF, counting and discarding the output, and refuses the file
 * once the total passes the budget. pdf.js would inflate those streams in typed arrays outside the
 * V8 heap, where the worker's heap limit cannot reach, so the bound has to come first.
 */
export function guardPdfStreams(bytes: Uint8Array, maxInflatedBytes: number): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let budget = maxInflatedBytes;
  let at = buffer.indexOf(STREAM);
  while (at !== -1) {
    const isKeyword = buffer[at - 1] !== 0x64; // not the tail of "endstream"
    const dataStart = afterEndOfLine(buffer, at + STREAM.length);
    if (isKeyword && dataStart !== -1) {
      const dataEnd = buffer.indexOf(END_STREAM, dataStart);
      const end = dataEnd === -1 ? buffer.length : dataEnd;
      if (FLATE.test(dictionaryBefore(buffer, at))) budget -= inflatedSize(buffer.subarray(dataStart, end), budget);
      at = buffer.indexOf(STREAM, end + END_STREAM.length);
    } else {
      at = buffer.indexOf(STREAM, at + STREAM.length);
    }
  }
}

function afterEndOfLine(buffer: Buffer, at: number): number {
  if (buffer[at] === 0x0d && buffer[at + 1] === 0x0a) return at + 2;
  if (buffer[at] === 0x0a || buffer[at] === 0x0d) return at + 1;
  return -1;
}

function dictionaryBefore(buffer: Buffer, streamAt: number): string {
  return buffer.subarray(Math.max(0, streamAt - 2048), streamAt).toString('latin1');
}

/** Native zlib handles the common, small stream fast; it is told to stop at this size. */
const FAST_PATH_BYTES = 2 * 1024 * 1024;

/** Bytes the stream inflates to, throwing once it passes what is left of the budget. */
function inflatedSize(data: Uint8Array, budget: number): number {
  try {
    return inflateSync(data, { maxOutputLength: Math.min(budget + 1, FAST_PATH_BYTES), finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a missing end */ }).length;
  } catch (error) {
    // Past the fast path's cap: count the rest in small steps instead of holding it in memory.
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return countInflated(data, budget);
    return 0; // a damaged stream is pdf.js's problem to tolerate or report; it cannot be a bomb
  }
}

function countInflated(data: Uint8Array, budget: number): number {
  let total = 0;
  const inflater = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > budget) throw new AppError('PDF_STREAM_TOO_LARGE', { details: { limitBytes: budget } });
  });
  try {
    // 4 KiB in can come out as at most ~4 MiB: memory stays bounded whatever the stream holds.
    for (let i = 0; i < data.length; i += 4096) inflater.push(data.subarray(i, i + 4096), i + 4096 >= data.length);
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  return total;
}
