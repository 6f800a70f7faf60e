#!/usr/bin/env node
// A local Neo4j Community 5.26 LTS server for development, tests and benchmarks, with no Docker:
// the server's own jars come from Maven Central (org.neo4j:neo4j and its runtime dependencies,
// resolved by `mvn dependency:copy-dependencies`) and run on the machine's Java 17 through
// Neo4j's own entry point, org.neo4j.server.CommunityEntryPoint, with a neo4j.conf written here.
//
//   node scripts/neo4j.mjs start    download (first time), set the password, start, wait for Bolt
//   node scripts/neo4j.mjs stop     stop the server this script started
//   node scripts/neo4j.mjs status   say whether bolt://127.0.0.1:7687 answers (exit 0) or not (exit 1)
//   node scripts/neo4j.mjs install  download the jars only
//
// Everything lives under .neo4j/ (git-ignored). `start` is idempotent: a server that already answers
// with the expected credentials is left alone. Environment: NEWSGRAPH_NEO4J_PORT (7687),
// NEWSGRAPH_NEO4J_HOME (.neo4j/home), NEWSGRAPH_NEO4J_HEAP (1g), NEWSGRAPH_NEO4J_PAGECACHE (512m), NEWSGRAPH_NEO4J_START_TIMEOUT (180 s).
//
// With --test, each command acts on the tests' own server instead: home .neo4j/test/, port
// NEWSGRAPH_TEST_NEO4J_PORT (17687; NEWSGRAPH_NEO4J_HOME and NEWSGRAPH_NEO4J_PORT do not apply), and a
// random password made when its data folder is created (kept in .neo4j/test/password). A server on
// that port is "already running" only if it accepts that password and its data folder is
// .neo4j/test/data; anything else there is an error, never a server the tests would use. Once the
// server answers, `start` writes <home>/server.json (address, user, password, data folder) for the
// test helpers (test/neo4j/helpers.ts), which read nothing else.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NEO4J_VERSION = '5.26.30';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BASE = join(ROOT, '.neo4j');
const DIST = join(BASE, `neo4j-community-${NEO4J_VERSION}`);
const LIB = join(DIST, 'lib');
const args = process.argv.slice(2);
/** The tests' own server (--test): its own home, port and password; see the header. */
const TEST = args.includes('--test');
// A second server (e.g. for a benchmark that must not share the test server) gets its own home and port.
const HOME = TEST ? join(BASE, 'test') : resolve(process.env.NEWSGRAPH_NEO4J_HOME ?? join(BASE, 'home'));
const CONF = join(HOME, 'conf');
const DATA = join(HOME, 'data');
const LOGS = join(HOME, 'logs');
const PID_FILE = join(HOME, 'neo4j.pid');
const PASSWORD_FILE = join(HOME, 'password');
const SERVER_FILE = join(HOME, 'server.json');
const HOST = '127.0.0.1';
const PORT = Number(
  (TEST ? process.env.NEWSGRAPH_TEST_NEO4J_PORT : process.env.NEWSGRAPH_NEO4J_PORT) ?? (TEST ? 17687 : 7687),
);
const USER = 'neo4j';
/** The test server's password is random, made with its data folder; the development server's is fixed. */
let PASSWORD = TEST ? readPassword() : 'newsgraph';
const HEAP = process.env.NEWSGRAPH_NEO4J_HEAP ?? '1g';
const PAGECACHE = process.env.NEWSGRAPH_NEO4J_PAGECACHE ?? '512m';
const START_TIMEOUT_MS = Number(process.env.NEWSGRAPH_NEO4J_START_TIMEOUT ?? 180) * 1000;
const MVN_ATTEMPTS = 3;
const MVN_TIMEOUT_MS = 15 * 60_000;

const log = (msg) => process.stderr.write(`neo4j: ${msg}\n`);
const fail = (msg) => {
  log(msg);
  process.exit(1);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True when something accepts TCP connections on the Bolt port. */
function portOpen(timeoutMs = 1000) {
  return new Promise((res) => {
    const sock = connect({ host: HOST, port: PORT });
    const done = (ok) => {
      sock.destroy();
      res(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/** The test server's password, once its data folder has been made; undefined before. */
function readPassword() {
  try {
    return readFileSync(PASSWORD_FILE, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks the server for its version and data folder with the local credentials, and makes a test
 * write: {ok, version, data} or {ok: false, reason}. `data` is the folder the server keeps its
 * databases in (undefined when it will not say), which tells this home's server from another one on
 * the same port.
 */
async function boltAnswers() {
  let neo4j;
  try {
    neo4j = (await import('neo4j-driver')).default;
  } catch {
    // Before `npm ci` the driver is not there, and without it no server can prove it is ours.
    return { ok: false, reason: 'neo4j-driver is not installed (run npm ci)' };
  }
  // No password yet: the test server was never set up, so whatever answers is not it.
  if (PASSWORD === undefined)
    return (await portOpen()) ? { ok: false, reason: 'auth' } : { ok: false, reason: 'port closed' };
  const driver = neo4j.driver(`bolt://${HOST}:${PORT}`, neo4j.auth.basic(USER, PASSWORD), {
    connectionTimeout: 3000,
    maxConnectionPoolSize: 1,
  });
  try {
    const info = await driver.getServerInfo();
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e',
    );
    let data;
    try {
      const settings = await driver.executeQuery(
        "SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.data' RETURN value",
      );
      const value = settings.records[0]?.get('value');
      data = typeof value === 'string' ? resolve(value) : undefined;
    } catch {
      data = undefined;
    }
    // A server can answer and still refuse writes (read-only, a follower, a full disk): try one.
    try {
      await driver.executeQuery('CREATE (p:NewsgraphStartProbe) DELETE p', {}, { routing: neo4j.routing.WRITE });
    } catch (err) {
      return { ok: false, reason: `it refuses a test write (${err.message.split('\n')[0]})`, data };
    }
    return {
      ok: true,
      version: `${records[0]?.get('v') ?? info.agent} ${records[0]?.get('e') ?? ''}`.trim(),
      data,
    };
  } catch (err) {
    return {
      ok: false,
      reason: err.code === 'Neo.ClientError.Security.Unauthorized' ? 'auth' : err.message.split('\n')[0],
    };
  } finally {
    await driver.close();
  }
}

/** Where the test helpers (and scripts) read how to reach this home's server; written once it answers. */
function writeServerFile(pid) {
  const info = { uri: `bolt://${HOST}:${PORT}`, username: USER, password: PASSWORD, home: HOME, data: DATA, pid };
  writeFileSync(SERVER_FILE, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

function readPid() {
  try {
    const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The pid from the pid file, if that process is alive and is our Neo4j (not a reused pid). */
function ourPid() {
  const pid = readPid();
  if (!pid) return undefined;
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return argv.includes('org.neo4j.server.CommunityEntryPoint') && argv.includes(`--home-dir=${HOME}`)
      ? pid
      : undefined;
  } catch {
    try {
      process.kill(pid, 0);
      return pid;
    } catch {
      return undefined;
    }
  }
}

function javaMajor() {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error) return undefined;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr ?? '');
  if (!m) return undefined;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

function pom() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by scripts/neo4j.mjs: the Neo4j Community server jars, resolved from Maven Central. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>newsgraph.local</groupId>
  <artifactId>neo4j-community-local</artifactId>
  <version>${NEO4J_VERSION}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>${NEO4J_VERSION}</version>
    </dependency>
  </dependencies>
</project>
`;
}

/** Downloads the server's jars into .neo4j/neo4j-community-<version>/lib once (a marker file says it finished). */
async function ensureJars() {
  const marker = join(DIST, '.complete');
  if (existsSync(marker)) return;
  const mvn = spawnSync('mvn', ['--version'], { encoding: 'utf8' });
  if (mvn.error)
    fail(
      'Maven (mvn) is not installed; it fetches the Neo4j jars from Maven Central. Install it (apt-get install maven) and run again.',
    );
  mkdirSync(DIST, { recursive: true });
  writeFileSync(join(DIST, 'pom.xml'), pom());
  const t0 = Date.now();
  log(
    `downloading Neo4j Community ${NEO4J_VERSION} (org.neo4j:neo4j:${NEO4J_VERSION} and dependencies) from Maven Central…`,
  );
  for (let attempt = 1; attempt <= MVN_ATTEMPTS; attempt++) {
    rmSync(LIB, { recursive: true, force: true });
    const r = spawnSync(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        join(DIST, 'pom.xml'),
        '-Dmaven.wagon.http.retryHandler.count=5',
        '-Daether.connector.http.retryHandler.count=5',
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${LIB}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: MVN_TIMEOUT_MS, cwd: DIST },
    );
    const jars = existsSync(LIB) ? readdirSync(LIB).filter((f) => f.endsWith('.jar')) : [];
    if (r.status === 0 && jars.some((f) => f === `neo4j-${NEO4J_VERSION}.jar`)) {
      writeFileSync(marker, `${jars.length} jars\n`);
      log(`downloaded ${jars.length} jars in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
      return;
    }
    const why = r.error
      ? r.error.message
      : `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    log(`download attempt ${attempt}/${MVN_ATTEMPTS} failed: ${why}`);
    if (attempt < MVN_ATTEMPTS) await sleep(5000 * attempt);
  }
  fail(
    `could not download Neo4j ${NEO4J_VERSION} from Maven Central after ${MVN_ATTEMPTS} attempts. Check the network and ~/.m2/settings.xml, then run 'npm run neo4j:start' again.`,
  );
}

function writeConf() {
  writeFileSync(join(CONF, 'neo4j.conf'), confText());
}

/** True when the running server was started with another neo4j.conf than this script writes now. */
function confOutdated() {
  try {
    return readFileSync(join(CONF, 'neo4j.conf'), 'utf8') !== confText();
  } catch {
    return false;
  }
}

function confText() {
  mkdirSync(CONF, { recursive: true });
  mkdirSync(LOGS, { recursive: true });
  mkdirSync(join(HOME, 'plugins'), { recursive: true });
  mkdirSync(join(HOME, 'import'), { recursive: true });
  const conf = [
    '# Written by scripts/neo4j.mjs at every start; edit the script, not this file.',
    `server.default_listen_address=${HOST}`,
    `server.default_advertised_address=${HOST}`,
    'server.bolt.enabled=true',
    `server.bolt.listen_address=${HOST}:${PORT}`,
    `server.bolt.advertised_address=${HOST}:${PORT}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    `server.directories.data=${DATA}`,
    `server.directories.logs=${LOGS}`,
    `server.directories.plugins=${join(HOME, 'plugins')}`,
    `server.directories.import=${join(HOME, 'import')}`,
    `server.memory.heap.initial_size=${HEAP}`,
    `server.memory.heap.max_size=${HEAP}`,
    `server.memory.pagecache.size=${PAGECACHE}`,
    'dbms.security.auth_enabled=true',
    'dbms.usage_report.enabled=false',
    // RFC 4180 quoting for LOAD CSV (a backslash is an ordinary character), as the csv export writes.
    'db.import.csv.legacy_quote_escaping=false',
    'db.tx_log.rotation.retention_policy=100M size',
    '',
  ].join('\n');
  return conf;
}

function javaArgs() {
  return [
    `-Xms${HEAP}`,
    `-Xmx${HEAP}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+AlwaysPreTouch',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-cp',
    `${LIB}/*`,
  ];
}

function setInitialPassword() {
  // Only possible before the first start: afterwards the password lives in the system database.
  if (existsSync(join(DATA, 'databases'))) return;
  if (TEST) {
    // A new random password for a new data folder: only this home knows it, so a server that
    // accepts it is this one (see the header).
    // Hex, not base64url: a password that starts with "-" is read by neo4j-admin as an option
    // ("Missing required parameter: '<password>'"), one new data folder in 64.
    PASSWORD = randomBytes(24).toString('hex');
    writeFileSync(PASSWORD_FILE, `${PASSWORD}\n`, { mode: 0o600 });
  }
  const r = spawnSync(
    'java',
    [
      ...javaArgs().filter((a) => !a.startsWith('-Xm') && a !== '-XX:+AlwaysPreTouch'),
      'org.neo4j.cli.AdminTool',
      'dbms',
      'set-initial-password',
      PASSWORD,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_HOME: HOME, NEO4J_CONF: CONF },
      timeout: 120_000,
    },
  );
  if (r.status !== 0)
    fail(`could not set the initial password: ${(r.stderr || r.stdout || r.error?.message || '').trim()}`);
}

function tail(file, lines = 25) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const PORT_VARIABLE = TEST ? 'NEWSGRAPH_TEST_NEO4J_PORT' : 'NEWSGRAPH_NEO4J_PORT';

async function start() {
  const t0 = Date.now();
  const running = ourPid();
  if (TEST && !running && PASSWORD === undefined && existsSync(join(DATA, 'databases'))) {
    // Nobody can log in to a test data folder whose password file is gone; its data is the tests' own.
    log(`${PASSWORD_FILE} is missing: removing the test server's data (${DATA}) to start over.`);
    rmSync(DATA, { recursive: true, force: true });
  }
  if (await portOpen()) {
    const answer = await boltAnswers();
    const ours = answer.ok && answer.data === DATA;
    if (ours) {
      log(`already running at bolt://${HOST}:${PORT} (Neo4j ${answer.version}${running ? `, pid ${running}` : ''}).`);
      if (running && confOutdated())
        log(
          `its neo4j.conf is older than this script's: run 'node scripts/neo4j.mjs stop${TEST ? ' --test' : ''}' then 'start${TEST ? ' --test' : ''}' to apply the new settings.`,
        );
      if (ours) writeServerFile(running);
      return;
    }
    if (answer.ok)
      fail(
        `bolt://${HOST}:${PORT} answers, but it is not ${TEST ? 'the test server' : "this project's server"}: its data is in ${answer.data ?? '(it does not say)'}, not ${DATA}. Stop it, or set ${PORT_VARIABLE} to another port${TEST ? '' : "; to use that server as it is, pass its address to newsgraph's -a/--address (NEO4J_URI) instead"}.`,
      );
    if (answer.reason?.startsWith('it refuses a test write'))
      fail(
        `bolt://${HOST}:${PORT} answers, but ${answer.reason}. Check its logs in ${LOGS}, or stop it and start again.`,
      );
    // Something else holds the port, or this home's server runs with another port (its conf differs).
    if (!running || confOutdated()) {
      fail(
        answer.reason === 'auth'
          ? `something at bolt://${HOST}:${PORT} refuses user '${USER}' with ${TEST ? "the test server's" : 'the local'} password${TEST ? ': it is not the test server' : ''}. Stop that server or set ${PORT_VARIABLE} to use another port.`
          : `port ${PORT} on ${HOST} is taken by something that is not ${TEST ? 'the test server' : 'a Neo4j answering Bolt'} (${answer.reason}). Free the port or set ${PORT_VARIABLE}.`,
      );
    }
    // Ours but not answering yet: fall through and wait for it.
  }
  if (!running) {
    const major = javaMajor();
    if (major === undefined)
      fail('Java is not installed. Neo4j 5.26 needs Java 17 or 21: apt-get install openjdk-17-jre-headless.');
    if (major < 17)
      fail(`Java ${major} is too old. Neo4j 5.26 needs Java 17 or 21: apt-get install openjdk-17-jre-headless.`);
    await ensureJars();
    writeConf();
    setInitialPassword();
    rmSync(SERVER_FILE, { force: true });
    const out = openSync(join(LOGS, 'console.log'), 'a');
    const child = spawn(
      'java',
      [...javaArgs(), 'org.neo4j.server.CommunityEntryPoint', `--home-dir=${HOME}`, `--config-dir=${CONF}`],
      {
        cwd: HOME,
        detached: true,
        stdio: ['ignore', out, out],
        env: { ...process.env, NEO4J_HOME: HOME, NEO4J_CONF: CONF },
      },
    );
    closeSync(out);
    writeFileSync(PID_FILE, `${child.pid}\n`);
    child.unref();
    log(`starting Neo4j ${NEO4J_VERSION}${TEST ? ' (the test server)' : ''} (pid ${child.pid}), logs in ${LOGS}…`);
  }
  const pid = readPid();
  while (Date.now() - t0 < START_TIMEOUT_MS) {
    await sleep(500);
    if (!ourPid())
      fail(
        `the server stopped while starting. Last lines of ${join(LOGS, 'console.log')}:\n${tail(join(LOGS, 'console.log'))}`,
      );
    if (await portOpen()) {
      const answer = await boltAnswers();
      if (answer.ok && answer.data === DATA) {
        writeServerFile(pid);
        log(
          `ready at bolt://${HOST}:${PORT} as ${USER} (Neo4j ${answer.version}, pid ${pid}) after ${((Date.now() - t0) / 1000).toFixed(1)} s.`,
        );
        return;
      }
      if (answer.ok)
        fail(`bolt://${HOST}:${PORT} answers with data in ${answer.data ?? '(it does not say)'}, not ${DATA}.`);
      if (answer.reason === 'auth')
        fail(`the server refuses the local password; remove ${DATA} to start from an empty database.`);
      if (answer.reason?.startsWith('it refuses a test write'))
        fail(`the server answers but ${answer.reason}. Check ${join(LOGS, 'console.log')}.`);
    }
  }
  fail(
    `no answer on bolt://${HOST}:${PORT} after ${START_TIMEOUT_MS / 1000} s. Last lines of ${join(LOGS, 'console.log')}:\n${tail(join(LOGS, 'console.log'))}`,
  );
}

async function stop() {
  const pid = ourPid();
  rmSync(SERVER_FILE, { force: true });
  if (!pid) {
    rmSync(PID_FILE, { force: true });
    log(
      (await portOpen())
        ? `not started by this script; something else answers on ${HOST}:${PORT}, left alone.`
        : 'not running.',
    );
    return;
  }
  process.kill(pid, 'SIGTERM');
  const t0 = Date.now();
  while (Date.now() - t0 < 60_000) {
    await sleep(250);
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(PID_FILE, { force: true });
      log(`stopped (pid ${pid}).`);
      return;
    }
  }
  process.kill(pid, 'SIGKILL');
  rmSync(PID_FILE, { force: true });
  log(`killed (pid ${pid}) after 60 s without stopping.`);
}

async function status() {
  const answer = await boltAnswers();
  const pid = ourPid();
  if (answer.ok && (!TEST || answer.data === DATA)) {
    process.stdout.write(
      `running: bolt://${HOST}:${PORT} answers (Neo4j ${answer.version}${TEST ? ', the test server' : ''})${pid ? `, pid ${pid}` : ''}\n`,
    );
    return 0;
  }
  if (answer.ok) {
    process.stdout.write(
      `not the test server: bolt://${HOST}:${PORT} answers, but its data is in ${answer.data ?? '(it does not say)'}, not ${DATA}\n`,
    );
    return 1;
  }
  process.stdout.write(
    `not answering: bolt://${HOST}:${PORT} (${answer.reason === 'auth' ? 'refuses the local password' : answer.reason})${pid ? `, but pid ${pid} is alive (starting?)` : ''}\n`,
  );
  return 1;
}

const command = args.find((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && a !== '--test');
if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) fail(`${PORT_VARIABLE} is not a port number (1 to 65535).`);
if (unknown.length)
  fail(`unknown option ${unknown.join(' ')}. usage: node scripts/neo4j.mjs install|start|stop|status [--test]`);
if (command === 'install') await ensureJars();
else if (command === 'start') await start();
else if (command === 'stop') await stop();
else if (command === 'status') process.exitCode = await status();
else {
  process.stderr.write('usage: node scripts/neo4j.mjs install|start|stop|status [--test]\n');
  process.exitCode = 1;
}
