/**
 * Characters that show nothing: white space of every kind (the full-width U+3000 included), the
 * "default ignorable" ones that no font draws (zero-width spaces and joiners U+200B–U+200D, the
 * word joiner U+2060, the byte-order mark U+FEFF used as a zero-width space, soft hyphens,
 * variation selectors …) and control characters. Text made only of them is blank in a document
 * however long it is; copied and pasted beside an id they make it another string that looks the same.
 */
import { codePointLabel } from './control-characters.js';

const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;

/** The text without any character that shows nothing. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** True when the text shows nothing at all: empty once white space and invisible characters are gone. */
export function isBlank(text: string): boolean {
  return withoutInvisible(text) === '';
}

/** The invisible characters of the text, named as U+200B, each once. */
export function invisibleCodePoints(text: string): string[] {
  return [...new Set(text.match(INVISIBLE) ?? [])].map((char) => codePointLabel(char.codePointAt(0) ?? 0));
}
