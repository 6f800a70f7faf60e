/**
 * Connection flags shared by push, query, console (and build --neo4j): the same names as
 * cypher-shell (-a/--address, -u/--username, -p/--password, -d/--database) and the same
 * environment variables (NEO4J_URI or NEO4J_ADDRESS, NEO4J_USERNAME, NEO4J_PASSWORD,
 * NEO4J_DATABASE). Flags win over the environment, which wins over the local defaults.
 */
import { Command } from 'commander';
import type { CommanderError } from 'commander';
import { DEFAULT_CONNECTION, type ConnectionSettings } from '../sinks/neo4j/index.js';
import { NewsgraphError } from '../errors.js';
import { EXIT, ExitRequest } from './exit.js';

export interface ConnectionFlags {
  address?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  database?: string | undefined;
}

/** Adds -a/-u/-p/-d to `cmd`. */
export function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option(
      '-a, --address <uri>',
      `Neo4j address; neo4j:// for clusters and Aura (env NEO4J_URI, default ${DEFAULT_CONNECTION.uri})`,
    )
    .option('-u, --username <name>', `user name (env NEO4J_USERNAME, default ${DEFAULT_CONNECTION.username})`)
    .option('-p, --password <password>', "password (env NEO4J_PASSWORD, default: the local server's)")
    .option('-d, --database <name>', "database (env NEO4J_DATABASE, default: the server's default database)");
}

/** The connection settings from flags, then environment, then defaults. */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): ConnectionSettings {
  const pick = (...values: (string | undefined)[]) => values.find((v) => v !== undefined && v !== '');
  return {
    uri: pick(flags.address, env.NEO4J_URI, env.NEO4J_ADDRESS) ?? DEFAULT_CONNECTION.uri,
    username: pick(flags.username, env.NEO4J_USERNAME, env.NEO4J_USER) ?? DEFAULT_CONNECTION.username,
    password: pick(flags.password, env.NEO4J_PASSWORD) ?? DEFAULT_CONNECTION.password,
    database: pick(flags.database, env.NEO4J_DATABASE),
  };
}

/**
 * A commander Command whose usage errors end with exit 1, as psql and cypher-shell do
 * (commander has printed the message by then). Help and version still end with 0.
 */
export class PsqlUsageCommand extends Command {
  override exitOverride(): this {
    return super.exitOverride((err: CommanderError) => {
      if (err.exitCode === 0) throw err;
      throw new ExitRequest(EXIT.PARTIAL);
    });
  }
}

/** Query and console end usage errors (a bad file, a missing parameter) with exit 1, as psql does; other errors pass on. */
export function rethrowUsageAsExitOne(err: unknown): never {
  if (err instanceof NewsgraphError && err.code === 'USAGE') {
    process.stderr.write(`${err.message}\n`);
    throw new ExitRequest(EXIT.PARTIAL);
  }
  throw err;
}
