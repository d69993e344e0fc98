// Server data is untrusted: a name or error message may carry terminal escape sequences (colours,
// OSC 52 clipboard writes, window titles, line erasing). Before text reaches a terminal, every
// C0/C1 control character (ESC included) and bidirectional override is shown as a visible escape
// such as `\x1b`, which leaves a sequence inert. JSON and NDJSON keep the exact data: JSON escapes
// C0 controls itself, and `forJson` writes the rest as `\u` escapes, which parse to the same text.

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

// What JSON.stringify leaves raw that a terminal acts on: DEL, C1 controls and the bidi controls.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with the characters a terminal acts on escaped as `\uXXXX`: the same data once parsed. */
export function forJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
