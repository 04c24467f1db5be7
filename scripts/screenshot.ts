// Dev tool: screenshot a page of dist/ in Debian Chromium. Usage: node scripts/screenshot.ts /path out.png [width]
import type { AddressInfo } from 'node:net';
import './lib/cli.ts'; // the top-level handler: an unexpected error is one sentence and a log, not a stack trace
import { launchChromium } from './lib/chromium.ts';
import { serveDir } from './serve.ts';
const server = await serveDir('dist', 0);
const port = (server.address() as AddressInfo).port;
const b = await launchChromium();
const [path, out, width] = [
	process.argv[2] ?? '/',
	process.argv[3] ?? '/tmp/shot.png',
	Number(process.argv[4] ?? 1280),
];
const p = await b.newPage({ viewport: { width, height: 900 } });
await p.goto(`http://127.0.0.1:${port}${path}`);
await p.screenshot({ path: out, fullPage: true });
await b.close();
server.close();
