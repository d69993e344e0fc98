// Server data is untrusted: a name or error message may carry terminal escape sequences (colours,
// OSC 52 clipboard writes, window titles, line erasing). Before text reaches a terminal, every
// C0/C1 control character (ESC included) and bidirectional override is shown as a visible escape
// such as `\x1b`, which leaves a sequence inert. JSON and NDJSON keep the exact data instead.

// C0 controls, DEL, C1 controls, and the bidi overrides/isolates that reorder displayed text.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character replaced by a visible escape, safe to print to a terminal. */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * Our own multi-line text (help, usage errors) with its line breaks kept; any other control in it,
 * such as one in server or user text quoted inside, is still shown as a visible escape.
 */
export function forTerminalLines(text: string): string {
  return text.split('\n').map(forTerminal).join('\n');
}
