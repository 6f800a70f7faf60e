/**
 * Splits Cypher text into `;`-terminated statements, the way cypher-shell reads files, but
 * strictly: a `;` inside a string, a backtick name or a comment does not end a statement,
 * and text after the last `;` that is not blank or a comment is reported as unterminated.
 */

export interface Statement {
  /** The statement without its terminating `;`, trimmed. */
  text: string;
  /** 1-based line of the statement's first character in the input. */
  line: number;
}

export interface SplitResult {
  statements: Statement[];
  /** Text after the last `;` that holds code (not only blanks and comments), or undefined. */
  unterminated: Statement | undefined;
}

/** Splits `text` into statements; see SplitResult. */
export function splitStatements(text: string): SplitResult {
  const statements: Statement[] = [];
  let state: 'code' | "'" | '"' | '`' | 'line' | 'block' = 'code';
  let hasCode = false;
  let codeStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    switch (state) {
      case 'code':
        if (c === ';') {
          if (hasCode) statements.push(make(text, codeStart, i));
          hasCode = false;
          codeStart = -1;
        } else if (c === '/' && next === '/') {
          state = 'line';
          i++;
        } else if (c === '/' && next === '*') {
          state = 'block';
          i++;
        } else {
          if (c === "'" || c === '"' || c === '`') state = c;
          if (!/\s/.test(c)) {
            if (!hasCode) codeStart = i;
            hasCode = true;
          }
        }
        break;
      case "'":
      case '"':
        if (c === '\\') i++;
        else if (c === state) state = 'code';
        break;
      case '`':
        if (c === '`') {
          if (next === '`') i++;
          else state = 'code';
        }
        break;
      case 'line':
        if (c === '\n') state = 'code';
        break;
      case 'block':
        if (c === '*' && next === '/') {
          state = 'code';
          i++;
        }
        break;
    }
  }
  return { statements, unterminated: hasCode ? make(text, codeStart, text.length) : undefined };
}

function make(text: string, from: number, to: number): Statement {
  const line = text.slice(0, from).split('\n').length;
  return { text: text.slice(from, to).trim(), line };
}
