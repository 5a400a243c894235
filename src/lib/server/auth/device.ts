/** A short, human description of a browser's user-agent string for the sessions list. */
export function describeDevice(userAgent: string): string {
	const ua = userAgent.slice(0, 512);
	if (!ua.trim()) return 'Unknown device';
	const browser = detectBrowser(ua);
	const system = detectSystem(ua);
	if (browser && system) return `${browser} on ${system}`;
	return browser ?? system ?? 'Unknown device';
}

// order matters: Edge and Opera say "Chrome", Chrome says "Safari"
function detectBrowser(ua: string): string | null {
	if (/Edg(e|A|iOS)?\//.test(ua)) return 'Edge';
	if (/OPR\/|Opera/.test(ua)) return 'Opera';
	if (/SamsungBrowser\//.test(ua)) return 'Samsung Internet';
	if (/Firefox\/|FxiOS\//.test(ua)) return 'Firefox';
	if (/HeadlessChrome\//.test(ua)) return 'Headless Chrome';
	if (/Chrom(e|ium)\/|CriOS\//.test(ua)) return 'Chrome';
	if (/Safari\//.test(ua) && /Version\//.test(ua)) return 'Safari';
	if (/curl\/|Wget\/|node|undici|Playwright/i.test(ua)) return 'Script or command-line tool';
	return null;
}

function detectSystem(ua: string): string | null {
	if (/iPhone/.test(ua)) return 'iPhone';
	if (/iPad/.test(ua)) return 'iPad';
	if (/Android/.test(ua)) return 'Android';
	if (/CrOS/.test(ua)) return 'ChromeOS';
	if (/Windows/.test(ua)) return 'Windows';
	if (/Mac OS X|Macintosh/.test(ua)) return 'macOS';
	if (/Linux/.test(ua)) return 'Linux';
	return null;
}

/** "just now", "12 minutes ago", "3 hours ago", "5 days ago", then the date. */
export function describeLastSeen(when: Date, now: Date): string {
	const minutes = Math.floor((now.getTime() - when.getTime()) / 60_000);
	if (minutes < 2) return 'just now';
	if (minutes < 60) return `${minutes} minutes ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
	const days = Math.floor(hours / 24);
	if (days < 14) return days === 1 ? 'yesterday' : `${days} days ago`;
	return `on ${when.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
}
