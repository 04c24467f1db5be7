// Dev tool: screenshot a page of dist/ in Debian Chromium. Usage: node scripts/screenshot.ts /path out.png [width]
import { chromium } from 'playwright-core';
import { serveDir } from './serve.ts';
const server = await serveDir('dist', 0);
const port = (server.address() as any).port;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
const [path, out, width] = [process.argv[2] ?? '/', process.argv[3] ?? '/tmp/shot.png', Number(process.argv[4] ?? 1280)];
const p = await b.newPage({ viewport: { width, height: 900 } });
await p.goto(`http://127.0.0.1:${port}${path}`);
await p.screenshot({ path: out, fullPage: true });
await b.close(); server.close();
