import { isIP } from 'node:net';

/**
 * Where a request came from, for throttling and the sessions list.
 *
 * By default the socket's address (`event.getClientAddress()`): anything a client writes in a
 * header could be forged. Behind a reverse proxy every request comes from the proxy, so the
 * operator names the header the proxy writes with `TRUSTED_PROXY_HEADER` (e.g. `x-forwarded-for`)
 * and, when several proxies are chained, how many of them to trust with `TRUSTED_PROXY_COUNT`
 * (default 1). Each proxy appends the address it saw, so the client is the right-most entry not
 * written by one of our own proxies: entries further left were written by the client itself.
 */
export interface ProxySettings {
	header: string | null;
	trustedProxies: number;
}

export function proxySettingsFromEnv(env: Record<string, string | undefined> = process.env): ProxySettings {
	const header = env.TRUSTED_PROXY_HEADER?.trim().toLowerCase() || null;
	const count = Number.parseInt(env.TRUSTED_PROXY_COUNT ?? '1', 10);
	return { header, trustedProxies: Number.isInteger(count) && count >= 1 ? count : 1 };
}

export function clientAddress(
	headers: Headers,
	socketAddress: () => string,
	settings: ProxySettings = proxySettingsFromEnv()
): string {
	if (settings.header) {
		const hops = (headers.get(settings.header) ?? '')
			.split(',')
			.map((hop) => hop.trim())
			.filter(Boolean);
		const candidate = hops[hops.length - settings.trustedProxies];
		const address = candidate ? stripPort(candidate) : '';
		if (isIP(address)) return address;
	}
	try {
		return socketAddress();
	} catch {
		// some adapters cannot tell; everyone then shares one (generous) address budget
		return 'unknown';
	}
}

function stripPort(hop: string): string {
	const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
	if (bracketed) return bracketed[1];
	const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop);
	return v4WithPort ? v4WithPort[1] : hop;
}

/**
 * The key one address is throttled under. An IPv6 client usually holds a whole /64, so it is
 * counted by that prefix; IPv4-mapped IPv6 addresses count as the IPv4 address they carry.
 */
export function addressThrottleKey(address: string): string {
	const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
	if (mapped) return `ip:${mapped[1]}`;
	if (isIP(address) === 6) return `ip:${expandIpv6(address).slice(0, 4).join(':')}::/64`;
	return `ip:${address}`;
}

function expandIpv6(address: string): string[] {
	const [head, tail = ''] = address.split('%')[0].toLowerCase().split('::');
	const left = head ? head.split(':') : [];
	const right = address.includes('::') && tail ? tail.split(':') : [];
	const missing = 8 - left.length - right.length;
	const groups = address.includes('::') ? [...left, ...Array(missing).fill('0'), ...right] : left;
	return groups.map((group) => group.replace(/^0+(?=.)/, ''));
}
