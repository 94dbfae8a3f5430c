// Bidi overrides/isolates and marks let "cv\u202Efdp.exe" display as "cvexe.pdf"; zero-width characters hide in names.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\ufeff]/g;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const EXTENSION = /\.([A-Za-z0-9]{1,8})$/;
export const MAX_DISPLAY_NAME_LENGTH = 120;

/**
 * The name we show and later offer as the saved name of a download: it must be safe on every OS and
 * in every UI, and carry the extension of what the file really is.
 */
export function sanitizeDisplayName(declaredName: string, ext: string): { displayName: string; extensionMatched: boolean } {
  const leaf = declaredName.split(/[/\\]/).pop() ?? '';
  let name = leaf.normalize('NFC').replace(/[\t\n\v\f\r]+/g, ' ').replace(INVISIBLE, '').replace(WINDOWS_FORBIDDEN, '_').replace(/\s+/g, ' ');
  // Windows drops trailing dots and spaces, and a leading dot hides a file on Unix.
  name = name.replace(/^[\s.]+|[\s.]+$/g, '');

  const declaredExt = EXTENSION.exec(name)?.[1]?.toLowerCase();
  const extensionMatched = declaredExt !== undefined && sameKind(declaredExt, ext);
  let stem = declaredExt === undefined ? name : name.slice(0, -(declaredExt.length + 1));
  stem = stem.replace(/[\s.]+$/g, '');
  if (stem === '') stem = 'resume';
  const device = stem.split('.')[0] ?? '';
  if (WINDOWS_RESERVED.test(device.trim())) stem = `_${stem}`;

  const suffix = `.${ext}`;
  const room = MAX_DISPLAY_NAME_LENGTH - suffix.length;
  return { displayName: truncateCodePoints(stem, room).trimEnd() + suffix, extensionMatched };
}

function sameKind(declaredExt: string, ext: string): boolean {
  if (declaredExt === ext) return true;
  return (ext === 'md' && declaredExt === 'markdown') || (ext === 'txt' && declaredExt === 'text');
}

/** Cuts by code points so a surrogate pair (an emoji, say) is never split in half. */
function truncateCodePoints(value: string, max: number): string {
  const codePoints = Array.from(value);
  return codePoints.length <= max ? value : codePoints.slice(0, max).join('');
}
