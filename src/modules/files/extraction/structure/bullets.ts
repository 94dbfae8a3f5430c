const BULLET = /^\s*(?:[•●▪◦‣∙·■□➢➤►✓✔*+-]|–|—|\d{1,2}[.)])\s+/;

export function isBullet(line: string): boolean {
  return BULLET.test(line);
}

export function stripBullet(line: string): string {
  return line.replace(BULLET, '').trim();
}

/**
 * Folds wrapped lines back into the bullet they continue: a line without a marker continues the
 * previous bullet. A description written as a paragraph, with no markers at all, is cut into sentences.
 */
export function collectBullets(lines: readonly string[]): string[] {
  if (!lines.some(isBullet)) {
    const paragraph = lines.map((line) => line.trim()).filter(Boolean).reduce(joinWrapped, '');
    return paragraph ? paragraph.split(/(?<=[.!?])\s+(?=[\p{Lu}\d])/u) : [];
  }
  const bullets: string[] = [];
  for (const line of lines) {
    const text = stripBullet(line);
    if (!text) continue;
    if (bullets.length > 0 && !isBullet(line)) bullets[bullets.length - 1] = joinWrapped(bullets[bullets.length - 1] ?? '', text);
    else bullets.push(text);
  }
  return bullets;
}

function joinWrapped(before: string, after: string): string {
  if (!before) return after;
  return before.endsWith('-') && /^\p{Ll}/u.test(after) ? before + after : `${before} ${after}`;
}
