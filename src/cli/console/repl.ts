/**
 * The Cypher console: a node:readline REPL over one driver. Statements may span lines and
 * end with `;`; lines starting with `:` are console commands. On a terminal it has a prompt,
 * persistent history, tab completion, and Ctrl-C cancels the running statement (or the
 * statement being typed) without leaving. When input is not a terminal it runs the
 * statements it reads and stops at the first error (exit codes as `newsgraph query`).
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import neo4j, { type Driver } from 'neo4j-driver';
import { NewsgraphError } from '../../errors.js';
import {
  CancelledError,
  FORMATS,
  QueryError,
  addressOf,
  describeQueryError,
  formatResult,
  parseParam,
  runStatement,
  savedQueryParams,
  splitStatements,
  toText,
  type ConnectionSettings,
  type OutputFormat,
  type RunningStatement,
  type SavedQuery,
  type StatementResult,
} from '../../sinks/neo4j/index.js';
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
  readOnly: boolean;
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

/** Exit codes of the non-interactive console, as `newsgraph query`. */
const EXIT_USAGE = 1;
const EXIT_CONNECTION = 2;
const EXIT_QUERY = 3;

export class CypherConsole {
  private readonly o: ConsoleOptions;
  private format: OutputFormat;
  private timing = false;
  private readonly params: Record<string, unknown> = {};
  private buffer = '';
  private running: RunningStatement | undefined;
  private rl: Interface | undefined;
  private words: CompletionWords;
  private exitCode = 0;
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

  /** Runs until :exit, end of input or (non-interactive) the first error; returns the exit code. */
  async run(): Promise<number> {
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
          this.o.readOnly ? 'read-only (start with --write to allow writes)' : 'writes allowed'
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
    if (!this.closed && this.buffer.trim() && !terminal) {
      const { unterminated } = splitStatements(this.buffer);
      if (unterminated) {
        this.error(
          `console: the last statement (line ${unterminated.line} of the input) has no terminating ';' and was not run. End every statement with ';'.`,
        );
        this.exitCode = EXIT_USAGE;
      }
    }
    if (terminal) this.o.output.write('\n');
    return this.exitCode;
  }

  private prompt(): string {
    return this.buffer ? '        > ' : this.o.readOnly ? 'newsgraph> ' : 'newsgraph(rw)> ';
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
      this.o.output.write('^C\n');
    } else this.o.output.write('\n(To leave, type :exit or press Ctrl-D.)\n');
    this.rl?.setPrompt(this.prompt());
    this.rl?.prompt();
  }

  private async onLine(line: string): Promise<void> {
    if (!this.buffer.trim() && line.trim().startsWith(':')) {
      await this.command(line.trim());
      return;
    }
    if (!this.buffer.trim() && !line.trim()) return;
    this.buffer += `${line}\n`;
    const { statements, unterminated } = splitStatements(this.buffer);
    this.buffer = unterminated ? `${unterminated.text}\n` : '';
    for (const st of statements) {
      const ok = await this.execute(st.text, this.params);
      if (!ok && !this.o.terminal) {
        this.closed = true;
        return;
      }
    }
  }

  /** Runs one statement and prints its result; false when it failed. */
  private async execute(statement: string, params: Record<string, unknown>): Promise<boolean> {
    const running = runStatement(this.o.driver, statement, params, {
      address: addressOf(this.o.connection),
      password: this.o.connection.password,
      database: this.o.connection.database,
      readOnly: this.o.readOnly,
      module: 'console',
    });
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

  private report(err: unknown): void {
    if (err instanceof QueryError) {
      const hint =
        err.neo4jCode === 'Neo.ClientError.Statement.AccessMode'
          ? '\n(The console is read-only; start it with --write to allow writes.)'
          : '';
      this.error(`${describeQueryError(err)}${hint}`);
      if (!this.o.terminal) this.exitCode = EXIT_QUERY;
    } else if (err instanceof NewsgraphError) {
      this.error(err.message);
      if (!this.o.terminal)
        this.exitCode = err.code === 'USAGE' ? EXIT_USAGE : err.code === 'QUERY' ? EXIT_QUERY : EXIT_CONNECTION;
    } else {
      this.error(`console: ${(err as Error)?.message ?? String(err)}`);
      if (!this.o.terminal) this.exitCode = EXIT_QUERY;
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
    if (!this.o.terminal) {
      this.exitCode = EXIT_USAGE;
      this.closed = true;
    }
  }

  private async setParam(arg: string): Promise<void> {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:=>|:|=)\s*([\s\S]+?);?$/.exec(arg);
    if (!m) {
      this.usage("console: expected ':param name => expression', e.g. :param name => 'Zelensky'.");
      return;
    }
    const [, key, expr] = m;
    // The value is a Cypher expression, evaluated by the server as cypher-shell does (it may use other parameters).
    const running = runStatement(this.o.driver, `RETURN ${expr} AS value`, this.params, {
      address: addressOf(this.o.connection),
      password: this.o.connection.password,
      database: this.o.connection.database,
      readOnly: true,
      module: 'console',
    });
    this.running = running;
    try {
      const r = await running.result;
      this.params[key!] = r.rows[0]?.[0] ?? null;
      this.say(`:param ${key} => ${toText(this.params[key!], false)}`);
    } catch (err) {
      this.report(err);
      if (!this.o.terminal) this.closed = true;
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
      const inline = Object.fromEntries(rest.map(parseParam));
      params = savedQueryParams(q, { ...this.params, ...inline });
    } catch (err) {
      this.usage((err as Error).message);
      return;
    }
    for (const st of q.statements) {
      const ok = await this.execute(st.text, params);
      if (!ok) {
        if (!this.o.terminal) this.closed = true;
        return;
      }
    }
  }

  private async read(statement: string): Promise<unknown[][]> {
    const r = await runStatement(
      this.o.driver,
      statement,
      {},
      {
        address: addressOf(this.o.connection),
        password: this.o.connection.password,
        database: this.o.connection.database,
        readOnly: true,
        module: 'console',
      },
    ).result;
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
        return neo4j.isInt(rows[0]?.[0])
          ? (rows[0][0] as { toNumber(): number }).toNumber()
          : Number(rows[0]?.[0] ?? 0);
      };
      // Label and type names come from the server's own lists and are escaped; count(*) on one label or type reads the count store.
      const labelRows: unknown[][] = [];
      for (const l of this.words.labels) labelRows.push([l, neo4j.int(await count(`(n:${esc(l)})`))]);
      const typeRows: unknown[][] = [];
      for (const t of this.words.types) typeRows.push([t, neo4j.int(await count(`()-[r:${esc(t)}]->()`))]);
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
    // readline wants the newest entry first.
    return recent.reverse();
  }

  /** Appends every new history entry to the history file. */
  private watchHistory(rl: Interface): void {
    const file = this.o.historyFile;
    if (!file) return;
    rl.on('history', (h: string[]) => {
      const newest = h[0];
      if (!newest) return;
      try {
        mkdirSync(dirname(file), { recursive: true });
        appendFileSync(file, `${newest.replace(/\n/g, ' ')}\n`);
      } catch {
        // History is a convenience: an unwritable file is not an error.
      }
    });
  }
}
