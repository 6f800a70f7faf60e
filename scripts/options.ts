/** The value after `--name` on the command line, or `fallback` when the option is not given. */
export function optionValue(name: string, fallback: string, args: readonly string[] = process.argv.slice(2)): string {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
}
