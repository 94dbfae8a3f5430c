import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * Writes a PDF from object bodies (object n is bodies[n - 1]) with a correct xref table, so hostile
 * shapes can be built byte for byte: what a writer like pdfkit would never produce.
 */
export function buildPdf(bodies: ReadonlyArray<string | Buffer>, trailerExtra = ''): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  });
  const xref = ['xref', `0 ${bodies.length + 1}`, '0000000000 65535 f ', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${bodies.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>';

/** A page tree with `count` real (empty) pages: small on disk, huge to render. */
export function manyPagesPdf(count: number): Uint8Array {
  const kids = Array.from({ length: count }, (_, i) => `${i + 3} 0 R`).join(' ');
  return buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`, ...Array.from({ length: count }, () => PAGE)]);
}

/** One page whose content stream is ~100 KB on disk and `inflatedMb` MB once inflated. */
export function inflationBombPdf(inflatedMb: number): Uint8Array {
  const inflated = deflateSync(Buffer.alloc(inflatedMb * 1024 * 1024, 0x20), { level: 9 });
  const stream = Buffer.concat([Buffer.from(`<< /Length ${inflated.length} /Filter /FlateDecode >>\nstream\n`), inflated, Buffer.from('\nendstream')]);
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    stream,
  ]);
}

/** Standard security handler with a user password we never give: pdf.js must ask for one. */
export function encryptedPdf(): Uint8Array {
  const hex = (): string => randomBytes(32).toString('hex');
  const id = randomBytes(16).toString('hex');
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      PAGE,
      `<< /Filter /Standard /V 1 /R 2 /O <${hex()}> /U <${hex()}> /P -4 >>`,
    ],
    `/Encrypt 4 0 R /ID [<${id}> <${id}>]`,
  );
}
