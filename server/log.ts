/**
 * Server log lines. Problems caused by clients (bad frames, limits) are logged once per reason
 * per interval with a count, so a flood of garbage cannot flood the facilitator's terminal too.
 */
export interface Logger {
	info(message: string): void;
	warn(message: string): void;
	/** Logs a client problem, throttled per reason. */
	dropped(reason: string, detail?: string): void;
	/** Every dropped-message reason seen so far with its count (for tests and shutdown). */
	droppedCounts(): ReadonlyMap<string, number>;
}

export interface LoggerOptions {
	write?: (line: string) => void;
	throttleMs?: number;
	now?: () => number;
}

export function createLogger(options: LoggerOptions = {}): Logger {
	const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
	const throttleMs = options.throttleMs ?? 5000;
	const now = options.now ?? Date.now;
	const totals = new Map<string, number>();
	const lastLogged = new Map<string, { at: number; countAt: number }>();

	return {
		info: (message) => write(message),
		warn: (message) => write(`warning: ${message}`),
		dropped(reason, detail) {
			const total = (totals.get(reason) ?? 0) + 1;
			totals.set(reason, total);
			const last = lastLogged.get(reason);
			const t = now();
			if (!last || t - last.at >= throttleMs) {
				const suppressed = last ? total - last.countAt - 1 : 0;
				const more = suppressed > 0 ? ` (+${suppressed} more since last report)` : '';
				write(`dropped: ${reason}${detail ? ` — ${detail}` : ''}${more}`);
				lastLogged.set(reason, { at: t, countAt: total });
			}
		},
		droppedCounts: () => totals
	};
}
