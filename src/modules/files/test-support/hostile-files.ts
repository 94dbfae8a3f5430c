import { randomBytes } from 'node:crypto';
import { craftZip, type CraftedEntry } from './crafted-zip.ts';

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const MACRO_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';

const contentTypes = (main: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
export const documentXml = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
const paragraph = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** The smallest DOCX Word and mammoth accept, plus whatever extra parts a test needs. */
export function minimalDocx(options: { main?: string; document?: CraftedEntry; extra?: CraftedEntry[] } = {}): Uint8Array {
  return craftZip([
    { name: '[Content_Types].xml', data: contentTypes(options.main ?? WORD_MAIN) },
    { name: '_rels/.rels', data: rels },
    options.document ?? { name: 'word/document.xml', data: documentXml(paragraph('Maria Lopez')) },
    ...(options.extra ?? []),
  ]);
}

export const docmFile = (): Uint8Array => minimalDocx({ main: MACRO_MAIN, extra: [{ name: 'word/vbaProject.bin', data: randomBytes(512) }] });

/** ~50 KB on disk, 50 MB of document.xml once inflated, declared honestly or as a lie. */
export function zipBombDocx(declaredHonestly: boolean): Uint8Array {
  const filler = Buffer.alloc(50 * 1024 * 1024, '<w:p/>');
  const [open = '', close = ''] = documentXml('\u0000').split('\u0000');
  const data = Buffer.concat([Buffer.from(open), filler, Buffer.from(close)]);
  return minimalDocx({ document: { name: 'word/document.xml', data, declaredSize: declaredHonestly ? undefined : 4096 } });
}

export const manyEntriesDocx = (count: number): Uint8Array =>
  minimalDocx({ extra: Array.from({ length: count }, (_, i) => ({ name: `word/media/pad${i}.xml`, data: '', store: true })) });

export const nestedArchiveDocx = (): Uint8Array => minimalDocx({ extra: [{ name: 'word/embeddings/inner.zip', data: Buffer.from(minimalDocx()) }] });

export const entityDocx = (): Uint8Array =>
  minimalDocx({
    document: {
      name: 'word/document.xml',
      data: `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>${documentXml(paragraph('&lol2;')).replace(/^<\?xml[^>]*>/, '')}`,
    },
  });

/** The first sector of a Compound File (OLE2): what Word 97–2003 .doc files start with. */
export function legacyDoc(): Uint8Array {
  const header = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  return new Uint8Array(header);
}

/** An x86-64 ELF header and some code-like noise: a program renamed to look like a résumé. */
export function elfBinary(): Uint8Array {
  const bytes = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(8), randomBytes(4096)]);
  bytes.writeUInt16LE(2, 16);
  bytes.writeUInt16LE(0x3e, 18);
  return new Uint8Array(bytes);
}

export const randomFile = (size = 64 * 1024): Uint8Array => new Uint8Array(randomBytes(size));

export const textWithNul = (): Uint8Array => new TextEncoder().encode('Maria Lopez\nOperations Analyst\u0000\u0000 hidden');
