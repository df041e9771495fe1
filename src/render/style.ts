/** Terminal colour, in one place. Callers pass whether colour is on; nothing here reads the environment. */
import { styleText } from 'node:util';

type Style = 'green' | 'yellow' | 'red' | 'cyan' | 'bold' | 'dim' | 'magenta';

/** A colouring function that is the identity when colour is off. */
export type Paint = (style: Style | readonly Style[], text: string) => string;

/** Returns a painter for the given colour setting. */
export function painter(color: boolean): Paint {
  if (!color) return (_style, text) => text;
  return (style, text) => styleText(style as Parameters<typeof styleText>[0], text);
}
