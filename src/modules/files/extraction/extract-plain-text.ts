import type { RawResumeText } from './raw-resume-text.ts';

/** Plain text as is; Markdown with its marks taken off, list items kept as bullets and links kept as URLs. */
export function extractPlainText(bytes: Uint8Array, kind: 'txt' | 'md'): RawResumeText {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
  const lines = text.split(/\r\n?|\n/);
  return { lines: kind === 'md' ? lines.flatMap(markdownLine) : lines, pageCount: null, warnings: [] };
}

function markdownLine(line: string): string[] {
  if (/^\s*(```|~~~)/.test(line) || /^\s*([-*_]\s*){3,}$/.test(line)) return [];
  if (/^\s*\|?[\s:|-]+\|[\s:|-]*$/.test(line)) return []; // a table's |---|---| rule
  let text = line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*[-*+]\s+(\[[ xX]\]\s+)?/, '• ')
    .replace(/^\s*>\s?/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?!\w)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
  if (text.trim().startsWith('|')) text = text.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()).join('\t');
  return [text];
}
