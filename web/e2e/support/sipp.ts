import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_SIP } from './env';

// A real SIP caller for the browser tests: sipp with the caller scenario the Asterisk tests use
// (asterisk-cluster), calling from the demo carrier's own loopback address 127.0.0.2, and tcpdump to
// see the RTP that reaches it.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SCENARIOS = join(
  ROOT,
  'asterisk-cluster',
  'src',
  'main',
  'resources',
  'io',
  'linea',
  'asterisk',
  'testing',
  'sipp',
);
const AUDIO = '/usr/share/sip-tester/g711a.pcap';
const CARRIER_IP = '127.0.0.2';

export interface Caller {
  /** sipp's RTP port: Asterisk sends the caller's audio (the agent, music on hold) here. */
  mediaPort: number;
  /** Resolves with sipp's exit code (0: the call went as scripted) and what it printed. */
  done: Promise<{ code: number | null; output: string }>;
  stop(): void;
}

function binary(name: string): string {
  for (const dir of ['/usr/bin', '/usr/sbin', '/usr/local/bin'])
    if (existsSync(join(dir, name))) return join(dir, name);
  throw new Error(`${name} is not installed (./linea test installs it with the telephony tools)`);
}

/**
 * Calls `service` (a tenant number): plays about 7 s of speech `audioAfterMs` after the number answers,
 * echoes every RTP packet it receives back to Asterisk (so the agent hears their own voice back once
 * bridged), and hangs up after talkMs unless the far end hangs up first.
 */
export function call(service: string, from: string, talkMs: number, audioAfterMs = 0): Caller {
  const dir = mkdtempSync(join(tmpdir(), 'linea-e2e-sipp-'));
  // sipp's -key values are not used inside attributes (pause, timeout): written into the scenario
  const scenario = readFileSync(join(SCENARIOS, 'caller.xml'), 'utf8')
    .replace('[dtmf_presses]', '')
    .replace('[dtmf_end_presses]', '')
    .replaceAll('[audio_after_ms]', String(audioAfterMs))
    .replaceAll('[talk_ms]', String(talkMs));
  writeFileSync(join(dir, 'caller.xml'), scenario);
  copyFileSync(AUDIO, join(dir, 'g711a.pcap'));
  const port = 26000 + Math.floor(Math.random() * 2000) * 2;
  const mediaPort = port + 10_000;
  const [host, sipPort] = E2E_SIP.split(':');
  const args = [
    '-sf',
    'caller.xml',
    '-i',
    CARRIER_IP,
    '-p',
    String(port),
    '-mp',
    String(mediaPort),
    '-m',
    '1',
    '-nostdin',
    '-aa',
    '-timeout',
    `${talkMs + 120_000}ms`,
    '-timeout_error',
    '-rtp_echo',
    '-s',
    service,
    '-key',
    'from_user',
    from,
    `${host}:${sipPort}`,
  ];
  return { mediaPort, ...run(dir, args) };
}

/** Starts sipp in `dir`; its exit code and the tail of what it printed come with `done`. */
function run(dir: string, args: string[]) {
  const child: ChildProcess = spawn(binary('sipp'), args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const done = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
  return { done, stop: () => child.kill('SIGTERM') };
}

export interface Callee extends Omit<Caller, 'mediaPort'> {
  /** The SIP messages sipp received and sent so far (its -trace_msg log), e.g. to read the INVITE's From. */
  messages(): string;
}

/**
 * The demo carrier (127.0.0.2:5060) receiving one outbound call: rings briefly, answers, echoes RTP,
 * and waits for the far end's BYE.
 */
export function answer(): Callee {
  const dir = mkdtempSync(join(tmpdir(), 'linea-e2e-sipp-'));
  const scenario = readFileSync(join(SCENARIOS, 'answer.xml'), 'utf8')
    .replaceAll('[ring_ms]', '300')
    .replaceAll('[talk_ms]', '0');
  writeFileSync(join(dir, 'answer.xml'), scenario);
  const args = [
    '-sf',
    'answer.xml',
    '-i',
    CARRIER_IP,
    '-p',
    '5060',
    '-mp',
    String(36000 + Math.floor(Math.random() * 1000) * 2),
    '-m',
    '1',
    '-nostdin',
    '-rtp_echo',
    '-trace_msg',
    '-message_file',
    'messages.log',
    '-timeout',
    '180s',
    '-timeout_error',
  ];
  return {
    ...run(dir, args),
    messages: () =>
      existsSync(join(dir, 'messages.log')) ? readFileSync(join(dir, 'messages.log'), 'utf8') : '',
  };
}

/** How many UDP packets reach the caller's RTP port within `ms`, as tcpdump sees them on loopback. */
export async function rtpPacketsTo(mediaPort: number, ms: number): Promise<number> {
  const child = spawn(
    binary('tcpdump'),
    ['-i', 'lo', '-n', '-l', '-q', `udp and dst host ${CARRIER_IP} and dst port ${mediaPort}`],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  let lines = 0;
  child.stdout.on(
    'data',
    (d: Buffer) =>
      (lines += d
        .toString()
        .split('\n')
        .filter((l) => l.includes(' UDP')).length),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  child.kill('SIGINT');
  await new Promise((resolve) => child.on('exit', resolve));
  return lines;
}
