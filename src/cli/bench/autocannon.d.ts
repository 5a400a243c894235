// autocannon ships no types: the part of its API the benchmarks use
declare module 'autocannon' {
	namespace autocannon {
		interface Options {
			url: string;
			connections?: number;
			duration?: number;
			amount?: number;
			timeout?: number;
			headers?: Record<string, string>;
			requests?: { setupRequest?: (request: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown> }[];
		}
		interface Histogram {
			average: number;
			p50: number;
			p90: number;
			p99: number;
			max: number;
			total: number;
		}
		interface Result {
			duration: number;
			requests: Histogram;
			latency: Histogram;
			errors: number;
			timeouts: number;
			non2xx: number;
			statusCodeStats?: Record<string, { count: number }>;
		}
	}
	function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
	export default autocannon;
}
