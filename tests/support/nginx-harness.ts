/**
 * nginx configuration for the tests: the shipped server block moved to a loopback port, inside a minimal main config.
 */

/** Points a server block at another listen address and root (for tests); each directive must occur once. */
export function retarget(conf: string, to: { listen: string; root: string }): string {
	let out = conf;
	for (const [name, value] of [
		['listen', to.listen],
		['root', to.root],
	] as const) {
		const re = new RegExp(`^(\\s*)${name}\\s+[^;]+;`, 'gm');
		const found = out.match(re)?.length ?? 0;
		if (found !== 1) throw new Error(`expected one "${name}" directive in the nginx config, found ${found}`);
		out = out.replace(re, `$1${name} ${value};`);
	}
	return out;
}

/** A complete nginx.conf running one server block in the foreground with every path under `prefix`. */
export function nginxMainConfig(o: { prefix: string; server: string; mimeTypes?: string; asRoot?: boolean }): string {
	const p = o.prefix;
	return `${o.asRoot ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${p}/nginx.pid;
error_log ${p}/error.log warn;
events { worker_connections 64; }
http {
	include ${o.mimeTypes ?? '/etc/nginx/mime.types'};
	default_type application/octet-stream;
	access_log ${p}/access.log;
	client_body_temp_path ${p}/client_body;
	proxy_temp_path ${p}/proxy;
	fastcgi_temp_path ${p}/fastcgi;
	uwsgi_temp_path ${p}/uwsgi;
	scgi_temp_path ${p}/scgi;
	sendfile on;
${o.server.replace(/^/gm, '\t')}
}
`;
}
