/**
 * The one way every command turns its flags into settings, after the library's own model
 * (`Settings`, `DEFAULT_SETTINGS`, `resolveSettings`, `validateSettings`): each command file
 * exports `<Command>Settings`, `DEFAULT_<COMMAND>_SETTINGS`, `resolve<Command>Settings(args,
 * flags, env)` (flags over environment over defaults; never throws) and
 * `validate<Command>Settings(settings)` (throws a UsageError naming the flag), and its action
 * calls both before any work. commander only parses: flags arrive as the strings typed, so a
 * default lives in one place and an unparsable value is reported in our words.
 */
import { UsageError } from '../errors.js';

/** A whole number from `raw`, the default when the flag was not given, NaN when it is not a whole number. */
export function wholeNumber(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  return /^\s*[-+]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
}

/** A number from `raw` (decimals allowed), the default when not given, NaN when it is not a number. */
export function decimalNumber(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : NaN;
}

/**
 * Throws a UsageError unless `value` is a whole number in [min, max]; `options.or` names another
 * accepted value ('"auto"'), `options.note` explains one (`0: any free port`).
 */
export function checkWholeNumber(
  command: string,
  flag: string,
  value: number,
  min: number,
  max: number,
  options: { or?: string; note?: string } = {},
): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
    throw new UsageError(
      `${command}: ${flag} must be ${options.or ? `${options.or} or ` : ''}a whole number ${range}${options.note ? ` (${options.note})` : ''}.`,
    );
  }
}

/** Throws a UsageError unless `value` is one of `choices`. */
export function checkChoice(command: string, flag: string, value: string, choices: readonly string[]): void {
  if (!choices.includes(value)) {
    throw new UsageError(`${command}: ${flag} '${value}' is not one of ${choices.join(', ')}.`);
  }
}

/** Throws a UsageError for a `{message}` problem returned by a library validator. */
export function checkProblem(problem: { message: string } | undefined): void {
  if (problem) throw new UsageError(problem.message);
}

/** ` (default: x)` for an option's help line, from the command's DEFAULT_* object. */
export function defaultNote(value: unknown): string {
  return ` (default: ${String(value)})`;
}

/** The help text after the options: examples, then anything else the command wants to say. */
export function examplesHelp(examples: readonly string[], ...more: string[]): string {
  return ['', 'Examples:', ...examples.map((e) => `  ${e}`), ...more.flatMap((m) => ['', m])].join('\n');
}
