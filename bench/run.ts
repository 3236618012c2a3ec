/**
 * `npm run bench`: runs every benchmark in this folder (functions named `bench…` exported from its
 * modules) and prints the figures, also as JSON in bench-results/latest.json. Targets are reported
 * as figures and ratios beside their target — never asserted in tests, which would flake on shared
 * machines.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';

export interface Figure {
	name: string;
	value: number;
	unit: string;
	/** A target to compare with, e.g. `{ max: 3000 }` for "under 3 s". */
	target?: { max?: number; min?: number };
	notes?: string;
}

const dir = new URL('.', import.meta.url);
const only = process.argv[2];
const figures: (Figure & { bench: string })[] = [];
for (const file of (await readdir(dir)).filter((f) => f.endsWith('.ts') && f !== 'run.ts').sort()) {
	const module = (await import(new URL(file, dir).href)) as Record<string, unknown>;
	for (const [name, fn] of Object.entries(module)) {
		if (!name.startsWith('bench') || typeof fn !== 'function') continue;
		if (only && !name.toLowerCase().includes(only.toLowerCase())) continue;
		process.stdout.write(`${file} › ${name}…\n`);
		for (const figure of (await fn()) as Figure[]) figures.push({ ...figure, bench: `${file} › ${name}` });
	}
}

const format = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
console.log(`\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}\n`);
for (const f of figures) {
	let verdict = '';
	if (f.target?.max !== undefined)
		verdict = ` (target ≤ ${f.target.max} ${f.unit}: ${format(f.value / f.target.max)}× of target, ${f.value <= f.target.max ? 'met' : 'NOT met'})`;
	if (f.target?.min !== undefined)
		verdict = ` (target ≥ ${f.target.min} ${f.unit}: ${format(f.value / f.target.min)}× of target, ${f.value >= f.target.min ? 'met' : 'NOT met'})`;
	console.log(`${f.name}: ${format(f.value)} ${f.unit}${verdict}${f.notes ? ` — ${f.notes}` : ''}`);
}
await mkdir(new URL('../bench-results/', dir), { recursive: true });
await writeFile(
	new URL('../bench-results/latest.json', dir),
	JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, '\t')
);
