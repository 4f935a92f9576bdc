// Development: the core from TypeScript source (restarted by hand) and the shell with live reload
// on http://127.0.0.1:4200, proxying /api and /health to the core on port 3000.
import { spawn } from 'node:child_process';

const children = [
  spawn('node', ['--enable-source-maps', '--import', '@swc-node/register/esm-register', 'core/src/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, SHELL_DIR: process.env.SHELL_DIR ?? './dist/shell/browser' },
  }),
  spawn('npx', ['ng', 'serve', '--proxy-config', 'frontend/proxy.conf.json'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const child of children)
  child.once('exit', (code) => {
    if (code) process.exitCode = code;
    stop();
  });
