import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Liberation Sans (SIL Open Font License), shipped with pdfjs-dist, which we already depend on:
// metric-compatible with Arial/Helvetica, so it looks standard, and it is embedded (subset) in
// every PDF — a standard-14 reference would leave the glyphs to the reader's machine.

const folder = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts');
let loaded: { regular: Buffer; bold: Buffer } | undefined;

export function exportFonts(): { regular: Buffer; bold: Buffer } {
  loaded ??= {
    regular: readFileSync(join(folder, 'LiberationSans-Regular.ttf')),
    bold: readFileSync(join(folder, 'LiberationSans-Bold.ttf')),
  };
  return loaded;
}

/** The family name Word shows and substitutes with Arial where Liberation Sans is not installed. */
export const docxFontFamily = 'Arial';
