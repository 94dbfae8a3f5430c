import { describe, expect, it } from '@jest/globals';
import type { PlacedText } from './page-text.ts';
import { readingOrder } from './reading-order.ts';

const at = (text: string, x: number, y: number, fontSize = 10): PlacedText => ({ text, x, y, width: text.length * fontSize * 0.5, fontSize });

/** A page: a full-width name and contact line, then two columns whose baselines do not line up. */
function twoColumnPage(): PlacedText[] {
  const items = [at('Maria Lopez', 200, 40, 20), at('maria@example.com | Chicago, IL | +1 312 555 0199 | linkedin.com/in/maria', 60, 70)];
  const left = ['EXPERIENCE', 'Analyst Mar 2021 - Present', '• Cut late deliveries by 23%', 'with a new scorecard', '• Automated forecasts'];
  const right = ['SKILLS', 'SQL', 'Python', 'Tableau', 'EDUCATION', 'University of Illinois'];
  left.forEach((line, i) => items.push(at(line, 60, 100 + i * 14)));
  right.forEach((line, i) => items.push(at(line, 420, 103 + i * 14)));
  return items;
}

describe('reading order', () => {
  it('reads a full-width header, then the left column, then the right column', () => {
    const { lines, multiColumn } = readingOrder({ width: 595, height: 842, items: twoColumnPage() });
    expect(multiColumn).toBe(true);
    expect(lines.map((line) => line.text)).toEqual([
      'Maria Lopez',
      'maria@example.com | Chicago, IL | +1 312 555 0199 | linkedin.com/in/maria',
      'EXPERIENCE', 'Analyst Mar 2021 - Present', '• Cut late deliveries by 23%', 'with a new scorecard', '• Automated forecasts',
      'SKILLS', 'SQL', 'Python', 'Tableau', 'EDUCATION', 'University of Illinois',
    ]);
  });

  it('keeps a single column with right-aligned dates as rows: the bullets under them run through the gap', () => {
    const items: PlacedText[] = [];
    for (let i = 0; i < 8; i++) {
      items.push(at(`Job title ${i}`, 60, 100 + i * 40));
      items.push(at('2019 - 2021', 470, 100 + i * 40));
      items.push(at('• Delivered a long bullet that wraps at the right margin of the page, as bullets in a single column do', 60, 114 + i * 40, 9));
    }
    const { lines, multiColumn } = readingOrder({ width: 595, height: 842, items });
    expect(multiColumn).toBe(false);
    expect(lines[0]?.text).toBe('Job title 0\t2019 - 2021');
  });

  it('joins letters pdf.js split apart and infers the spaces between words', () => {
    const letters = ['S', 'e', 'n', 'i', 'or'].map((text, i) => at(text, 60 + [0, 6, 11, 17, 19][i]!, 100));
    const word = at('Engineer', 60 + 32, 100);
    expect(readingOrder({ width: 595, height: 842, items: [...letters, word] }).lines[0]?.text).toBe('Senior Engineer');
  });
});
