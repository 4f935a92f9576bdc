// `npm run cerberus:sim -- [options]`: a stand-in Cerberus for development.
//   --core http://127.0.0.1:3000   the core to send targets to
//   --port 4100                    where outcomes are received (set CERBERUS_OUTCOME_URL=http://127.0.0.1:4100/outcomes on the core)
//   --secret <32+ chars>           shared secret (the core's CERBERUS_SECRETS); default: the development secret
//   --send 1                       send this many targets, then keep receiving
//   --rate 2                       with --send: targets per second (default 1)
//   --team dover-freight-team-a    receiving team of the targets
//   --mode ok|fail-5xx|timeout|slow|down   how to answer outcomes (change later: POST /control {"mode":"…"});
//                                  down drops outcome connections unanswered, /control and /received keep working
import { parseArgs } from 'node:util';
import { CerberusSimulator, SIMULATOR_MODES, type SimulatorMode } from './simulator.js';
import { targetSheet } from './target-sheets.js';
import { DEVELOPMENT_CERBERUS_SECRET as DEVELOPMENT_SECRET } from '../../core/src/config/env.config.js';

const { values } = parseArgs({
  options: {
    core: { type: 'string', default: 'http://127.0.0.1:3000' },
    port: { type: 'string', default: '4100' },
    secret: { type: 'string', default: process.env.CERBERUS_SECRET ?? DEVELOPMENT_SECRET },
    send: { type: 'string', default: '0' },
    rate: { type: 'string', default: '1' },
    team: { type: 'string', default: 'dover-freight-team-a' },
    mode: { type: 'string', default: 'ok' },
  },
});

if (!SIMULATOR_MODES.includes(values.mode as SimulatorMode)) {
  process.stderr.write(`--mode must be one of ${SIMULATOR_MODES.join(', ')}\n`);
  process.exit(2);
}
const sim = new CerberusSimulator({ secret: values.secret!, coreUrl: values.core });
sim.setMode(values.mode as SimulatorMode);
await sim.start(Number(values.port));
process.stdout.write(
  `Cerberus simulator receiving outcomes on ${sim.outcomeUrl} (mode ${sim.mode}); control: POST /control {"mode": "..."}\n`,
);

const count = Number(values.send);
const interval = 1000 / Math.max(Number(values.rate), 0.01);
for (let i = 0; i < count; i++) {
  const sheet = targetSheet({ receivingTeam: values.team });
  const { status, body } = await sim.sendTarget(sheet);
  process.stdout.write(`target ${String(sheet.targetId)} → ${status} ${JSON.stringify(body)}\n`);
  if (i < count - 1) await new Promise((r) => setTimeout(r, interval));
}

let seen = 0;
setInterval(() => {
  for (const outcome of [...sim.received.values()].slice(seen)) {
    process.stdout.write(`outcome ${outcome.key}: ${JSON.stringify(outcome.payload)}\n`);
  }
  seen = sim.received.size;
}, 500);
