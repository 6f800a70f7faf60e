/**
 * The Cypher console: a node:readline REPL over one driver. Statements may span lines and
 * end with `;`; lines starting with `:` are console commands. On a terminal it has a prompt,
 * persistent history, tab completion, and Ctrl-C cancels the running statement (or the
 * statement being typed) without leaving. When input is not a terminal it runs the
 * statements it reads and stops at the first error, which `run()` throws for the CLI's
 * `handleError` to turn into the exit code (as for `newsgraph query`).
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Driver } from 'neo4j-driver';
import { neo4j } from '../../sinks/neo4j/lib.js';
import { NewsgraphError, UsageError } from '../../errors.js';
import {
  CancelledError,
  FORMATS,
  QueryError,
  addressOf,
  formatResult,
  runStatement,
  splitStatements,
  toText,
  type ConnectionSettings,
  type OutputFormat,
  type RunContext,
  type RunningStatement,
  type SavedQuery,
  type StatementResult,
} from '../../sinks/neo4j/index.js';
import { explainQueryError, parseParams, runContext, savedQueryArguments } from '../cypher.js';
import { complete, type CompletionWords } from './completer.js';

export const CONSOLE_COMMANDS = [
  ':help',
  ':exit',
  ':quit',
  ':param',
  ':params',
  ':format',
  ':timing',
  ':schema',
  ':queries',
  ':run',
  ':clear',
] as const;

export interface ConsoleOptions {
  driver: Driver;
  connection: ConnectionSettings;
  /** Allow statements that write; otherwise the server refuses them (the same check as `query`). */
  write: boolean;
  format: OutputFormat;
  savedQueries: SavedQuery[];
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
  /** Interactive: prompt, history, completion, Ctrl-C handling. */
  terminal: boolean;
  historyFile?: string | undefined;
  historySize?: number;
}

const HELP = `Statements end with ';' and may span lines. Commands:
  :param name => <expression>   set a parameter ($name) to the value of a Cypher expression
  :params [clear]               list (or clear) the parameters
  :format [table|csv|json|jsonl] show or set the output format
  :timing                       show server and round-trip times after each statement (toggle)
  :schema                       labels, relationship types, property keys, counts, constraints, indexes
  :queries                      the saved queries of graph/queries/
  :run NAME [name=value …]      run a saved query with the parameters set by :param (or given here)
  :clear                        drop the statement being typed
  :help                         this help
  :exit                         leave (or Ctrl-D)
Tab completes commands, labels, relationship types and property keys. Ctrl-C cancels the running statement.`;

/**
 * psql's way of keeping a multi-line statement as one line of the history file: its line
 * breaks are written as this control character and read back as line breaks.
 */
const HISTORY_NEWLINE = '\x01';

export class CypherConsole {
  private readonly o: ConsoleOptions;
  private format: OutputFormat;
  private timing = false;
  private readonly params: Record<string, unknown> = {};
  private buffer = '';
  /** 1-based input line where `buffer` starts, and the last input line read. */
  private bufferLine = 1;
  private lineNo = 0;
  /** The lines typed for the statement in `buffer`, kept to make them one history entry. */
  private statementLines: string[] = [];
  /** readline's own history list (newest first), as its 'history' event hands it over. */
  private historyList: string[] | undefined;
  /** The newest entry of the history file, not to append the same entry twice in a row. */
  private lastSaved: string | undefined;
  private running: RunningStatement | undefined;
  private rl: Interface | undefined;
  private words: CompletionWords;
  /** What ended a non-interactive run, already shown on stderr. */
  private failure: NewsgraphError | undefined;
  private closed = false;

  constructor(options: ConsoleOptions) {
    this.o = options;
    this.format = options.format;
    this.words = {
      commands: CONSOLE_COMMANDS,
      labels: [],
      types: [],
      propertyKeys: [],
      savedQueries: options.savedQueries.map((q) => q.name),
      formats: FORMATS,
    };
  }

  /**
   * Runs until :exit, end of input or (non-interactive) the first error, which it then throws
   * (marked as reported: its message is on stderr already).
   */
  async run(): Promise<void> {
    const { terminal } = this.o;
    await this.refreshSchemaWords();
    const history = terminal ? this.loadHistory() : [];
    const rl = createInterface({
      input: this.o.input,
      output: terminal ? this.o.output : undefined,
      terminal,
      history,
      historySize: this.o.historySize ?? 1000,
      removeHistoryDuplicates: true,
      prompt: this.prompt(),
      ...(terminal ? { completer: (line: string) => complete(line, this.words) } : {}),
    });
    this.rl = rl;
    if (terminal) {
      this.watchHistory(rl);
      rl.on('SIGINT', () => this.interrupt());
      const info = await this.o.driver.getServerInfo({ database: this.o.connection.database }).catch(() => undefined);
      this.say(
        `Connected to ${addressOf(this.o.connection)} as ${this.o.connection.username}${info?.agent ? ` (${info.agent})` : ''}, ${
          this.o.write ? 'writes allowed' : 'read-only (start with --write to allow writes)'
        }. Type :help for commands, :exit to leave.`,
      );
      rl.prompt();
    }
    for await (const line of rl) {
      await this.onLine(line);
      if (this.closed) break;
      if (terminal) {
        rl.setPrompt(this.prompt());
        rl.prompt();
      }
    }
    rl.close();
    if (!this.closed && this.buffer.trim()) {
      if (terminal) {
        this.o.output.write(`\nconsole: the statement being typed had no terminating ';' and was not run.`);
      } else {
        this.usage(
          `console: line ${this.bufferLine}: the last statement has no terminating ';' and was not run. End every statement with ';'.`,
        );
      }
    }
    if (terminal) this.o.output.write('\n');
    if (this.failure) throw this.failure;
  }

  private prompt(): string {
    return this.buffer ? '        > ' : this.o.write ? 'newsgraph(rw)> ' : 'newsgraph> ';
  }

  private context(readOnly = false): RunContext {
    return runContext(this.o.connection, { write: this.o.write && !readOnly, module: 'console' });
  }

  /** Ends a non-interactive run with `err`, whose message has been printed. */
  private fail(err: NewsgraphError): void {
    if (this.o.terminal) return;
    this.failure ??= new NewsgraphError(err.code, err.message, { cause: err, reported: true });
    this.closed = true;
  }

  private say(text: string): void {
    (this.o.terminal ? this.o.output : this.o.errors).write(`${text}\n`);
  }

  private error(text: string): void {
    this.o.errors.write(`${text}\n`);
  }

  private interrupt(): void {
    if (this.running) {
      void this.running.cancel();
      return;
    }
    if (this.buffer) {
      this.buffer = '';
      this.statementLines = [];
      this.o.output.write('^C\n');
    } else this.o.output.write('\n(To leave, type :exit or press Ctrl-D.)\n');
    this.rl?.setPrompt(this.prompt());
    this.rl?.prompt();
  }

  private async onLine(line: string): Promise<void> {
    const first = this.lineNo + 1;
    // A statement recalled from history arrives as one "line" holding its line breaks.
    this.lineNo += line.split('\n').length;
    if (!this.buffer.trim() && line.trim().startsWith(':')) {
      this.remember([line]);
      await this.command(line.trim());
      return;
    }
    if (!this.buffer.trim() && !line.trim()) return;
    if (!this.buffer) this.bufferLine = first;
    this.buffer += `${line}\n`;
    this.statementLines.push(line);
    const { statements, unterminated } = splitStatements(this.buffer);
    if (unterminated) {
      // The unterminated text starts on its own line of the buffer; keep counting from there.
      this.bufferLine += unterminated.line - 1;
      this.buffer = `${unterminated.text}\n`;
    } else {
      this.buffer = '';
      this.remember(this.statementLines);
      this.statementLines = [];
    }
    for (const st of statements) {
      const ok = await this.execute(st.text, this.params);
      if (!ok && !this.o.terminal) return;
    }
  }

  /** Runs one statement and prints its result; false when it failed. */
  private async execute(statement: string, params: Record<string, unknown>): Promise<boolean> {
    const running = runStatement(this.o.driver, statement, params, this.context());
    this.running = running;
    try {
      const r = await running.result;
      this.printResult(r);
      if (r.queryType !== 'r') await this.refreshSchemaWords();
      return true;
    } catch (err) {
      if (err instanceof CancelledError) {
        this.error('console: statement cancelled.');
        return true;
      }
      this.report(err);
      return false;
    } finally {
      this.running = undefined;
    }
  }

  /** Prints an error; without a terminal it also ends the run with it (its code gives the exit code). */
  private report(err: unknown): void {
    if (err instanceof QueryError) {
      this.error(explainQueryError(err, 'console'));
      this.fail(err);
    } else if (err instanceof NewsgraphError) {
      this.error(err.message);
      this.fail(err);
    } else {
      // Anything else the driver throws happened while running the statement.
      const message = `console: ${err instanceof Error ? err.message : String(err)}`;
      this.error(message);
      this.fail(new QueryError(message, {}, { cause: err }));
    }
  }

  private printResult(r: StatementResult): void {
    const width = (this.o.output as NodeJS.WriteStream).columns;
    if (r.keys.length) {
      this.o.output.write(
        formatResult(
          r,
          this.format,
          this.o.terminal ? { maxCellWidth: Math.max(20, Math.min(120, (width ?? 120) - 10)) } : {},
        ),
      );
    }
    for (const n of r.notifications) this.error(n);
    if (this.o.terminal) {
      const updates = Object.entries(r.updates).map(([k, n]) => `${k}: ${n}`);
      const rows = `${r.rows.length} row${r.rows.length === 1 ? '' : 's'}`;
      const times = this.timing
        ? `, server ${Math.round(r.serverMs.availableAfter + r.serverMs.consumedAfter)} ms (first row after ${Math.round(r.serverMs.availableAfter)} ms), round trip ${Math.round(r.roundTripMs)} ms`
        : '';
      this.say([rows, ...updates].join(', ') + times);
    } else if (this.timing) {
      this.error(
        `server ${Math.round(r.serverMs.availableAfter + r.serverMs.consumedAfter)} ms, round trip ${Math.round(r.roundTripMs)} ms`,
      );
    }
  }

  private async command(line: string): Promise<void> {
    const m = /^(:[a-z]+)\s*([\s\S]*)$/i.exec(line);
    const name = (m?.[1] ?? line).toLowerCase();
    const arg = (m?.[2] ?? '').trim();
    switch (name) {
      case ':exit':
      case ':quit':
        this.closed = true;
        return;
      case ':help':
        this.say(HELP);
        return;
      case ':clear':
        this.buffer = '';
        this.statementLines = [];
        return;
      case ':format':
        if (!arg) this.say(`format: ${this.format}`);
        else if ((FORMATS as readonly string[]).includes(arg)) this.format = arg as OutputFormat;
        else this.usage(`console: unknown format '${arg}'. Expected one of ${FORMATS.join(', ')}.`);
        return;
      case ':timing':
        this.timing = arg ? arg === 'on' : !this.timing;
        this.say(`timing ${this.timing ? 'on' : 'off'}`);
        return;
      case ':params':
        if (arg === 'clear') {
          for (const k of Object.keys(this.params)) delete this.params[k];
          return;
        }
        if (!Object.keys(this.params).length) this.say('(no parameters)');
        for (const [k, v] of Object.entries(this.params)) this.say(`:param ${k} => ${toText(v, false)}`);
        return;
      case ':param':
        await this.setParam(arg);
        return;
      case ':schema':
        await this.showSchema();
        return;
      case ':queries':
        if (!this.o.savedQueries.length) this.say('(no saved queries)');
        for (const q of this.o.savedQueries) {
          this.say(`${q.name}: ${q.description}`);
          for (const p of q.params)
            this.say(
              `    $${p.name}${p.default !== undefined ? ` (default ${toText(p.default, false)})` : ''}: ${p.description}`,
            );
        }
        return;
      case ':run':
        await this.runSaved(arg);
        return;
      default:
        this.usage(`console: unknown command '${name}'. Type :help for the list.`);
    }
  }

  private usage(message: string): void {
    this.error(message);
    this.fail(new UsageError(message));
  }

  private async setParam(arg: string): Promise<void> {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:=>|:|=)\s*([\s\S]+?);?$/.exec(arg);
    if (!m) {
      this.usage("console: expected ':param name => expression', e.g. :param name => 'Zelensky'.");
      return;
    }
    const [, key, expr] = m;
    // The value is a Cypher expression, evaluated by the server as cypher-shell does (it may use other parameters).
    const running = runStatement(this.o.driver, `RETURN ${expr} AS value`, this.params, this.context(true));
    this.running = running;
    try {
      const r = await running.result;
      this.params[key!] = r.rows[0]?.[0] ?? null;
      this.say(`:param ${key} => ${toText(this.params[key!], false)}`);
    } catch (err) {
      this.report(err);
    } finally {
      this.running = undefined;
    }
  }

  private async runSaved(arg: string): Promise<void> {
    const [queryName, ...rest] = arg.split(/\s+/).filter(Boolean);
    const q = this.o.savedQueries.find((s) => s.name === queryName);
    if (!q) {
      this.usage(`console: no saved query '${queryName ?? ''}'. Type :queries for the list.`);
      return;
    }
    let params: Record<string, unknown>;
    try {
      const syntax = { kind: 'run', query: q.name } as const;
      params = savedQueryArguments(q, parseParams(rest, 'console', syntax), 'console', syntax, this.params);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      this.usage(err.message);
      return;
    }
    for (const st of q.statements) {
      const ok = await this.execute(st.text, params);
      if (!ok) return;
    }
  }

  private async read(statement: string): Promise<unknown[][]> {
    const r = await runStatement(this.o.driver, statement, {}, this.context(true)).result;
    return r.rows;
  }

  private async refreshSchemaWords(): Promise<void> {
    try {
      const [labels, types, keys] = await Promise.all([
        this.read('CALL db.labels() YIELD label RETURN label ORDER BY label'),
        this.read(
          'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType ORDER BY relationshipType',
        ),
        this.read('CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey'),
      ]);
      this.words = {
        ...this.words,
        labels: labels.map((r) => String(r[0])),
        types: types.map((r) => String(r[0])),
        propertyKeys: keys.map((r) => String(r[0])),
      };
    } catch {
      // Completion is a convenience: keep the words we had.
    }
  }

  private async showSchema(): Promise<void> {
    try {
      await this.refreshSchemaWords();
      const esc = (s: string) => `\`${s.replace(/`/g, '``')}\``;
      const count = async (pattern: string) => {
        const rows = await this.read(`MATCH ${pattern} RETURN count(*) AS c`);
        return neo4j().isInt(rows[0]?.[0])
          ? (rows[0][0] as { toNumber(): number }).toNumber()
          : Number(rows[0]?.[0] ?? 0);
      };
      // Label and type names come from the server's own lists and are escaped; count(*) on one label or type reads the count store.
      const labelRows: unknown[][] = [];
      for (const l of this.words.labels) labelRows.push([l, neo4j().int(await count(`(n:${esc(l)})`))]);
      const typeRows: unknown[][] = [];
      for (const t of this.words.types) typeRows.push([t, neo4j().int(await count(`()-[r:${esc(t)}]->()`))]);
      const constraints = await this.read(
        'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name',
      );
      const indexes = await this.read(
        'SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN name, type, labelsOrTypes, properties, state ORDER BY name',
      );
      const out = this.o.output;
      out.write(formatResult({ keys: ['label', 'nodes'], rows: labelRows }, 'table'));
      out.write(formatResult({ keys: ['relationship type', 'relationships'], rows: typeRows }, 'table'));
      out.write(
        formatResult({ keys: ['property keys'], rows: [[this.words.propertyKeys.join(', ')]] }, 'table', {
          maxCellWidth: 2000,
        }),
      );
      out.write(formatResult({ keys: ['constraint', 'type', 'on', 'properties'], rows: constraints }, 'table'));
      out.write(formatResult({ keys: ['index', 'type', 'on', 'properties', 'state'], rows: indexes }, 'table'));
    } catch (err) {
      this.report(err);
    }
  }

  private loadHistory(): string[] {
    const file = this.o.historyFile;
    if (!file) return [];
    let lines: string[] = [];
    try {
      lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    } catch {
      // No history yet.
    }
    const size = this.o.historySize ?? 1000;
    const recent = lines.slice(-size);
    if (recent.length < lines.length) {
      try {
        writeFileSync(file, `${recent.join('\n')}\n`);
      } catch {
        // Trimming is best effort.
      }
    }
    // readline wants the newest entry first; an entry run again is kept once, where it was last run.
    const entries = [...new Set(recent.map((l) => l.split(HISTORY_NEWLINE).join('\n')).reverse())];
    this.lastSaved = entries[0];
    return entries;
  }

  /** Keeps readline's history list, to make a multi-line statement one entry in it (see remember). */
  private watchHistory(rl: Interface): void {
    rl.on('history', (h: string[]) => {
      this.historyList = h;
    });
  }

  /**
   * Records a command or a completed statement as one history entry. readline has added each
   * typed line on its own; the lines of a multi-line statement are replaced by the statement,
   * so Up recalls (and Enter runs) all of it. Entries are appended to the history file.
   */
  private remember(lines: readonly string[]): void {
    if (!this.o.terminal || !lines.some((l) => l.trim())) return;
    const entry = lines.join('\n');
    const h = this.historyList;
    if (h && lines.length > 1) {
      for (const line of lines) {
        const at = h.indexOf(line);
        if (at >= 0) h.splice(at, 1);
      }
      const dup = h.indexOf(entry);
      if (dup >= 0) h.splice(dup, 1);
      h.unshift(entry);
      h.length = Math.min(h.length, this.o.historySize ?? 1000);
    }
    const file = this.o.historyFile;
    if (!file || entry === this.lastSaved) return;
    this.lastSaved = entry;
    try {
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, `${entry.split('\n').join(HISTORY_NEWLINE)}\n`);
    } catch {
      // History is a convenience: an unwritable file is not an error.
    }
  }
}
