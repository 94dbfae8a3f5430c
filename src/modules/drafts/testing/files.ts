import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { Document, Packer, Paragraph, TextRun } from 'docx';

// Files for the upload tests: real résumés from ../shared/fixtures (cloned beside the repo in
// CI), a DOCX generated with known text, hostile bytes, and a chunked upload that never ends.

const resumes = new URL('../../../../../shared/fixtures/resumes/', import.meta.url);

export function fixtureResume(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, resumes)));
}

export const docxHeadline = 'Ada Lovelace — Analytical Engine programmer';

export async function generatedDocx(): Promise<Uint8Array> {
  const document = new Document({
    sections: [{
      children: [
        new Paragraph({ children: [new TextRun({ text: docxHeadline, bold: true })] }),
        new Paragraph('EXPERIENCE'),
        new Paragraph({ text: 'Wrote the first published algorithm for a machine, 1843', bullet: { level: 0 } }),
        new Paragraph({ text: 'Explained loops and subroutines to a general audience', bullet: { level: 0 } }),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The start of a Linux executable, padded: what an attacker renames to `cv.pdf`. */
export function elfBinary(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]);
  bytes.fill(0x90, 64);
  return bytes;
}

/**
 * POSTs a multipart body of `totalBytes` as chunks without a Content-Length (or with the one given), and stops sending as
 * soon as an answer arrives. Resolves with the answer and how many bytes were sent by then.
 */
export function postChunked(url: string, headers: Record<string, string>, totalBytes: number, declaredLength?: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const framing = declaredLength === undefined ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(declaredLength) };
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-type': 'multipart/form-data; boundary=xyz', ...framing } });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), sent }));
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    req.write('--xyz\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n\r\n%PDF-1.7\n');
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end('\r\n--xyz--\r\n');
    };
    pump();
  });
}
