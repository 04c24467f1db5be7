#!/usr/bin/env node
// npm run nginx-conf — writes ops/nginx.conf, the nginx server block for dist/, from
// scripts/lib/nginx-conf.ts and the CSP in src/lib/publish/csp.ts. With flags, prints a block for your server:
//   node scripts/nginx-conf.ts --root /var/www/zhenggai/dist --server-name example.gov.cn [--listen 8080] [--out
// FILE|-]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseCli } from './lib/cli.ts';
import { SHIPPED_SITE, nginxSiteConfig } from './lib/nginx-conf.ts';

/** Where the shipped configuration lives. */
export const SHIPPED_PATH = 'ops/nginx.conf';

const USAGE = `usage: npm run nginx-conf                     rewrite ops/nginx.conf
       node scripts/nginx-conf.ts --root /var/www/zhenggai/dist --server-name example.gov.cn [--listen 8080]
                                  [--out FILE|-]      print (or write) a server block for your server`;
const { values } = parseCli(
	{
		options: {
			root: { type: 'string' },
			'server-name': { type: 'string' },
			listen: { type: 'string' },
			out: { type: 'string' },
		},
	},
	USAGE,
);
const custom = values.root !== undefined || values['server-name'] !== undefined || values.listen !== undefined;
const text = nginxSiteConfig({
	listen: values.listen ?? SHIPPED_SITE.listen,
	serverName: values['server-name'] ?? SHIPPED_SITE.serverName,
	root: values.root ?? SHIPPED_SITE.root,
});
const out = values.out ?? (custom ? '-' : SHIPPED_PATH);
if (out === '-') process.stdout.write(text);
else {
	mkdirSync(dirname(out), { recursive: true });
	writeFileSync(out, text);
	console.log(`wrote ${out}`);
}
