/**
 * Connection flags shared by push, query, console (and build --neo4j): the same names as
 * cypher-shell (-a/--address, -u/--username, -p/--password, -d/--database) and the same
 * environment variables (NEO4J_URI or NEO4J_ADDRESS, NEO4J_USERNAME, NEO4J_PASSWORD,
 * NEO4J_DATABASE). Flags win over the environment, which wins over the local defaults.
 * `-p` means the password in every command (view's port is `--port` only).
 */
import type { Command } from 'commander';
import { DEFAULT_CONNECTION, validateConnection, type ConnectionSettings } from '../sinks/neo4j/index.js';
import { checkProblem } from './settings.js';

export interface ConnectionFlags {
  address?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  database?: string | undefined;
}

/** The connection flags as help and messages name them, in the order they are added. */
export const CONNECTION_FLAGS: readonly { key: keyof ConnectionFlags; flag: string }[] = [
  { key: 'address', flag: '-a/--address' },
  { key: 'username', flag: '-u/--username' },
  { key: 'password', flag: '-p/--password' },
  { key: 'database', flag: '-d/--database' },
];

/** Adds -a/-u/-p/-d to `cmd`. */
export function addConnectionOptions<C extends Command>(cmd: C): C {
  cmd
    .option(
      '-a, --address <uri>',
      `Neo4j address; neo4j:// for clusters and Aura (env NEO4J_URI, default ${DEFAULT_CONNECTION.uri})`,
    )
    .option('-u, --username <name>', `user name (env NEO4J_USERNAME, default ${DEFAULT_CONNECTION.username})`)
    .option('-p, --password <password>', "password (env NEO4J_PASSWORD, default: the local server's)")
    .option('-d, --database <name>', "database (env NEO4J_DATABASE, default: the server's default database)");
  return cmd;
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

/** Throws a UsageError for an address or user name the driver could never use. */
export function validateConnectionSettings(settings: ConnectionSettings): void {
  checkProblem(validateConnection(settings));
}

/** The connection flags given on the command line (not from the environment), as help names them. */
export function givenConnectionFlags(flags: ConnectionFlags): string[] {
  return CONNECTION_FLAGS.filter((f) => flags[f.key] !== undefined).map((f) => f.flag);
}
