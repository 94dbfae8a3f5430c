import { describe, expect, it } from '@jest/globals';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { FinalResume } from './final-resume.ts';
import { headingFor } from './final-resume.ts';
import { paginate } from './paginate.ts';
import { packItems } from './pdf-blocks.ts';
import { renderPdf } from './render-pdf.ts';
import { templateOf, watermarkText } from './templates.ts';

// The renderer's layout decisions: where pages break, how lists wrap, what is embedded.

describe('paginate', () => {
  it('never splits a block, and starts a page when the next block does not fit', () => {
    expect(paginate([{ height: 40 }, { height: 40 }, { height: 40 }], 100)).toEqual([0, 0, 1]);
  });

  it('moves a heading (keepWithNext) to the next page together with its first line', () => {
    expect(paginate([{ height: 70 }, { height: 10, keepWithNext: true }, { height: 30 }], 100)).toEqual([0, 1, 1]);
  });

  it('keeps a chain heading → entry line → first bullet together', () => {
    expect(paginate([{ height: 60 }, { height: 10, keepWithNext: true }, { height: 10, keepWithNext: true }, { height: 25 }], 100)).toEqual([0, 1, 1, 1]);
  });

  it('gives a block taller than a page a page of its own instead of looping', () => {
    expect(paginate([{ height: 10 }, { height: 500 }, { height: 10 }], 100)).toEqual([0, 1, 2]);
  });

  it('does not loop on a chain of keepWithNext blocks longer than a page', () => {
    const chain = Array.from({ length: 30 }, () => ({ height: 10, keepWithNext: true }));
    const pages = paginate(chain, 100);
    expect(pages.at(-1)).toBeGreaterThan(0);
    expect(pages.every((p, i) => i === 0 || p >= pages[i - 1]!)).toBe(true);
  });
});

describe('packItems', () => {
  const measure = (text: string) => text.length;
  it('breaks a comma list only between items, each line ending in a comma', () => {
    expect(packItems(['Machine Learning', 'SQL', 'Natural Language Processing'], 24, measure)).toEqual(['Machine Learning, SQL,', 'Natural Language Processing']);
  });
  it('puts an item longer than a line on its own line rather than dropping it', () => {
    expect(packItems(['x'.repeat(40), 'y'], 10, measure)).toEqual([`${'x'.repeat(40)},`, 'y']);
  });
});

describe('headings', () => {
  it('uses standard headings for known sections and a safe capitalised one for others', () => {
    expect(headingFor('experience', 'Where I worked')).toBe('EXPERIENCE');
    expect(headingFor('other', 'Side quests')).toBe('SIDE QUESTS');
    expect(headingFor('other', '<script>alert(1)</script> and more words here')).toBe('ADDITIONAL');
  });
});

const longResume = (bullets: number): FinalResume => ({
  name: 'Maria Lopez', contactLine: ['maria@example.com'], links: [],
  sections: [{
    kind: 'experience', heading: 'EXPERIENCE', body: {
      kind: 'entries', entries: [{
        heading: 'Operations Analyst — Northwind', dates: 'Jan 2019 – Present',
        bullets: Array.from({ length: bullets }, (_, i) => `Bullet number ${i} about reducing delivery times across ${i + 3} regional warehouses with a forecasting model that the planning team now runs every week, end ${i}`),
      }],
    },
  }],
});

async function pagesText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await pdf.destroy();
  return pages;
}

describe('the PDF', () => {
  it('keeps every bullet whole on one page across page breaks', async () => {
    const file = await renderPdf(longResume(60), templateOf('classic'), { watermark: false, title: 't' });
    expect(file.pages).toBeGreaterThan(2);
    const pages = await pagesText(file.bytes);
    expect(pages).toHaveLength(file.pages!);
    for (let i = 0; i < 60; i += 1) {
      const holding = pages.filter((text) => text.includes(`Bullet number ${i} about`));
      expect(holding).toHaveLength(1);
      expect(holding[0]).toContain(`now runs every week, end ${i}`);
    }
  }, 30_000);

  it('embeds its font (a subset TrueType) and carries real text', async () => {
    const file = await renderPdf(longResume(3), templateOf('modern'), { watermark: false, title: 't' });
    const raw = Buffer.from(file.bytes).toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    expect((await pagesText(file.bytes))[0]).toContain('Maria Lopez');
  });

  it('carries the watermark only when asked', async () => {
    const marked = await pagesText((await renderPdf(longResume(3), templateOf('compact'), { watermark: true, title: 't' })).bytes);
    const clean = await pagesText((await renderPdf(longResume(3), templateOf('compact'), { watermark: false, title: 't' })).bytes);
    expect(marked[0]).toContain(watermarkText);
    expect(clean[0]).not.toContain(watermarkText);
  });
});
