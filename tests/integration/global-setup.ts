/** Says once per run whether the PostgreSQL half of the integration suite runs. */
export default function setup() {
	if (process.env.TEST_DATABASE_URL) {
		console.log(`PostgreSQL suite: running against TEST_DATABASE_URL (${redact(process.env.TEST_DATABASE_URL)})`);
	} else {
		console.log(
			'PostgreSQL suite: NOT run (TEST_DATABASE_URL is not set; e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)'
		);
	}
}

function redact(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'unparseable URL';
	}
}
