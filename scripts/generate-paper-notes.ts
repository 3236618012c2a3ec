/**
 * Generates the paper-note test photos in tests/fixtures/paper-notes/: no real photos can be taken
 * where the tests run, so each "photo" is drawn from a seeded description (wall, lighting, notes,
 * clutter) and saved as PNG beside the boxes the detector should find. Deterministic: running it
 * again gives the same files. Run with `node --import tsx scripts/generate-paper-notes.ts`.
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const OUT = 'tests/fixtures/paper-notes';
const W = 480;
const H = 360;

type RGB = [number, number, number];
type Pt = [number, number];

function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const COLORS: Record<string, RGB> = {
	yellow: [250, 232, 110],
	paleYellow: [252, 246, 196],
	pink: [246, 150, 190],
	green: [150, 222, 140],
	blue: [130, 196, 240],
	orange: [250, 170, 90]
};

interface NoteSpec {
	quad: Pt[];
	color: RGB;
	/** Glare: a bright spot centred at this fraction of the note. */
	glare?: Pt;
}

interface Scene {
	name: string;
	hard: string;
	wall: RGB;
	notes: NoteSpec[];
	/** Multiplicative shadow: a band darkening the image by up to this much. */
	shadow?: number;
	clutter?: boolean;
	seed: number;
}

function rect(x: number, y: number, w: number, h: number, angleDeg = 0): Pt[] {
	const cx = x + w / 2;
	const cy = y + h / 2;
	const a = (angleDeg * Math.PI) / 180;
	return [
		[-w / 2, -h / 2],
		[w / 2, -h / 2],
		[w / 2, h / 2],
		[-w / 2, h / 2]
	].map(([dx, dy]) => [cx + dx * Math.cos(a) - dy * Math.sin(a), cy + dx * Math.sin(a) + dy * Math.cos(a)]);
}

/** A note seen at an angle: the far (top) edge narrower than the near one. */
function perspective(quad: Pt[], squeeze: number): Pt[] {
	const cx = (quad[0][0] + quad[1][0]) / 2;
	return quad.map(([x, y], i) => (i < 2 ? [cx + (x - cx) * (1 - squeeze), y] : [x, y]));
}

function inside(p: Pt, quad: Pt[]): boolean {
	let s = 0;
	for (let i = 0; i < quad.length; i++) {
		const [ax, ay] = quad[i];
		const [bx, by] = quad[(i + 1) % quad.length];
		const c = (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax);
		if (c !== 0) {
			if (s === 0) s = Math.sign(c);
			else if (Math.sign(c) !== s) return false;
		}
	}
	return true;
}

function grid(
	cols: number,
	rows: number,
	x0: number,
	y0: number,
	size: number,
	gap: number,
	color: RGB,
	jitter = 0,
	r = rng(1)
) {
	const notes: NoteSpec[] = [];
	for (let j = 0; j < rows; j++)
		for (let i = 0; i < cols; i++)
			notes.push({
				quad: rect(x0 + i * (size + gap), y0 + j * (size + gap), size, size, (r() - 0.5) * jitter),
				color
			});
	return notes;
}

const palette = [COLORS.yellow, COLORS.pink, COLORS.green, COLORS.blue, COLORS.orange];
function mixed(n: number, seed: number, wallSize = 60): NoteSpec[] {
	const r = rng(seed);
	return grid(n, 2, 40, 60, wallSize, 40, COLORS.yellow, 0).map((note, i) => ({
		...note,
		color: palette[Math.floor(r() * 5) % 5] ?? COLORS.yellow,
		quad: note.quad.map(([x, y]) => [x + i, y]) as Pt[]
	}));
}

const SCENES: Scene[] = [
	{
		name: '01-clean-grid',
		hard: 'clean',
		wall: [238, 238, 236],
		notes: grid(4, 2, 50, 60, 70, 40, COLORS.yellow),
		seed: 1
	},
	{ name: '02-mixed-colours', hard: 'clean, several colours', wall: [236, 236, 234], notes: mixed(5, 2), seed: 2 },
	{
		name: '03-touching-one-colour',
		hard: 'touching notes of one colour',
		wall: [240, 240, 238],
		notes: grid(4, 2, 70, 80, 72, 0, COLORS.yellow),
		seed: 3
	},
	{
		name: '04-touching-pink',
		hard: 'touching notes of one colour',
		wall: [232, 234, 236],
		notes: grid(3, 3, 110, 40, 80, 0, COLORS.pink),
		seed: 4
	},
	{
		name: '05-pale-on-white',
		hard: 'pale yellow on white',
		wall: [246, 246, 244],
		notes: grid(4, 2, 50, 70, 70, 36, COLORS.paleYellow),
		seed: 5
	},
	{
		name: '06-pale-touching',
		hard: 'pale yellow on white, touching',
		wall: [247, 247, 245],
		notes: grid(3, 2, 100, 80, 80, 0, COLORS.paleYellow),
		seed: 6
	},
	{
		name: '07-glare',
		hard: 'glare',
		wall: [236, 236, 234],
		notes: grid(4, 2, 50, 60, 72, 38, COLORS.yellow).map((n, i) =>
			i % 2 === 0 ? { ...n, glare: [0.35, 0.3] as Pt } : n
		),
		seed: 7
	},
	{
		name: '08-shadow',
		hard: 'shadow across the wall',
		wall: [238, 236, 232],
		notes: grid(4, 2, 50, 60, 70, 40, COLORS.green),
		shadow: 0.45,
		seed: 8
	},
	{
		name: '09-shadow-pale',
		hard: 'shadow over pale yellow',
		wall: [246, 246, 242],
		notes: grid(4, 2, 50, 60, 70, 40, COLORS.paleYellow),
		shadow: 0.35,
		seed: 9
	},
	{
		name: '10-perspective',
		hard: 'perspective',
		wall: [236, 236, 236],
		notes: grid(4, 2, 50, 60, 72, 38, COLORS.orange).map((n) => ({ ...n, quad: perspective(n.quad, 0.18) })),
		seed: 10
	},
	{
		name: '11-rotation',
		hard: 'rotated notes',
		wall: [238, 238, 236],
		notes: grid(4, 2, 55, 70, 66, 44, COLORS.blue, 40, rng(11)),
		seed: 11
	},
	{
		name: '12-clutter',
		hard: 'clutter: pens, cups, tape',
		wall: [200, 180, 150],
		notes: mixed(4, 12, 64),
		clutter: true,
		seed: 12
	},
	{
		name: '13-clutter-rotation',
		hard: 'clutter and rotation on a table',
		wall: [170, 140, 110],
		notes: grid(4, 2, 55, 70, 66, 44, COLORS.yellow, 30, rng(13)),
		clutter: true,
		seed: 13
	},
	{
		name: '14-everything',
		hard: 'touching, rotation, glare, shadow, clutter',
		wall: [232, 232, 228],
		notes: [
			...grid(2, 2, 40, 50, 70, 0, COLORS.pink),
			...grid(2, 2, 260, 60, 68, 40, COLORS.yellow, 24, rng(14)).map((n, i) =>
				i === 1 ? { ...n, glare: [0.6, 0.4] as Pt } : n
			)
		],
		shadow: 0.3,
		clutter: true,
		seed: 14
	},
	{
		name: '15-small-many',
		hard: 'many small notes',
		wall: [240, 240, 238],
		notes: grid(7, 4, 30, 30, 44, 18, COLORS.green),
		seed: 15
	},
	{
		name: '16-large-few',
		hard: 'few large notes, perspective',
		wall: [236, 234, 232],
		notes: grid(2, 1, 60, 60, 150, 60, COLORS.yellow).map((n) => ({ ...n, quad: perspective(n.quad, 0.12) })),
		seed: 16
	}
];

function render(scene: Scene): { png: Buffer; boxes: { x: number; y: number; width: number; height: number }[] } {
	const r = rng(scene.seed * 7919);
	const img = new Float32Array(W * H * 3);
	// Wall with a gentle lighting gradient.
	for (let y = 0; y < H; y++)
		for (let x = 0; x < W; x++) {
			const light = 0.94 + 0.06 * (x / W) - 0.04 * (y / H);
			for (let c = 0; c < 3; c++) img[(y * W + x) * 3 + c] = scene.wall[c] * light;
		}
	const paint = (quad: Pt[], color: (x: number, y: number) => RGB | null) => {
		const xs = quad.map((p) => p[0]);
		const ys = quad.map((p) => p[1]);
		for (let y = Math.max(0, Math.floor(Math.min(...ys))); y < Math.min(H, Math.ceil(Math.max(...ys))); y++)
			for (let x = Math.max(0, Math.floor(Math.min(...xs))); x < Math.min(W, Math.ceil(Math.max(...xs))); x++) {
				if (!inside([x + 0.5, y + 0.5], quad)) continue;
				const rgb = color(x, y);
				if (rgb) for (let c = 0; c < 3; c++) img[(y * W + x) * 3 + c] = rgb[c];
			}
	};
	if (scene.clutter) {
		// A pen (long and thin, coloured), a cup seen from above (round), tape (grey strip), a phone.
		paint(rect(20, 300, 140, 8, 8), () => [40, 70, 170]);
		paint(rect(380, 250, 10, 90, -12), () => [200, 40, 40]);
		const cup = [400, 40];
		paint(rect(cup[0] - 30, cup[1] - 30, 60, 60), (x, y) =>
			Math.hypot(x - cup[0], y - cup[1]) < 28 ? [235, 235, 240] : null
		);
		paint(rect(300, 320, 90, 20, 3), () => [150, 150, 150]);
		paint(rect(190, 300, 40, 60, 5), () => [30, 30, 35]);
	}
	for (const note of scene.notes) {
		// A soft shadow under each note, down and to the right, as paper lifts off a wall.
		paint(
			note.quad.map(([x, y]) => [x + 2, y + 2]),
			(x, y) => {
				const i = (y * W + x) * 3;
				return [img[i] * 0.8, img[i + 1] * 0.8, img[i + 2] * 0.8];
			}
		);
		// The note's paper shrinks by one pixel all round so touching notes keep a hairline seam.
		const cx = note.quad.reduce((s, p) => s + p[0], 0) / 4;
		const cy = note.quad.reduce((s, p) => s + p[1], 0) / 4;
		const paper = note.quad.map(([x, y]) => [x + Math.sign(cx - x) * 1, y + Math.sign(cy - y) * 1] as Pt);
		const [x0, y0] = note.quad[0];
		const [x1, y1] = note.quad[2];
		paint(paper, (x, y) => {
			let rgb: RGB = [...note.color];
			// Handwriting: a few dark strokes across the middle of the note.
			const u = (x - x0) / (x1 - x0 || 1);
			const v = (y - y0) / (y1 - y0 || 1);
			if (
				u > 0.15 &&
				u < 0.8 &&
				[0.3, 0.45, 0.6].some((line) => Math.abs(v - line) < 0.025) &&
				Math.sin(x * 0.7 + y) > -0.3
			)
				rgb = [40, 40, 60];
			if (note.glare) {
				const d = Math.hypot(u - note.glare[0], v - note.glare[1]);
				const g = Math.max(0, 1 - d / 0.35);
				rgb = rgb.map((c) => c + (255 - c) * g * 0.85) as RGB;
			}
			return rgb;
		});
	}
	const png = new PNG({ width: W, height: H });
	for (let y = 0; y < H; y++)
		for (let x = 0; x < W; x++) {
			const shade = scene.shadow
				? 1 - scene.shadow * Math.max(0, Math.min(1, (x - W * 0.45) / 40)) * (y > H * 0.2 ? 1 : 0.3)
				: 1;
			const n = r() < 0.5 ? 0 : r() < 0.5 ? -2 : 2;
			for (let c = 0; c < 3; c++)
				png.data[(y * W + x) * 4 + c] = Math.max(0, Math.min(255, Math.round(img[(y * W + x) * 3 + c] * shade) + n));
			png.data[(y * W + x) * 4 + 3] = 255;
		}
	const boxes = scene.notes.map((n) => {
		const xs = n.quad.map((p) => p[0]);
		const ys = n.quad.map((p) => p[1]);
		const x = Math.max(0, Math.round(Math.min(...xs)));
		const y = Math.max(0, Math.round(Math.min(...ys)));
		return {
			x,
			y,
			width: Math.min(W, Math.round(Math.max(...xs))) - x,
			height: Math.min(H, Math.round(Math.max(...ys))) - y
		};
	});
	return { png: PNG.sync.write(png, { colorType: 2 }), boxes };
}

const index: { file: string; hard: string; boxes: ReturnType<typeof render>['boxes'] }[] = [];
for (const scene of SCENES) {
	const { png, boxes } = render(scene);
	writeFileSync(`${OUT}/${scene.name}.png`, png);
	index.push({ file: `${scene.name}.png`, hard: scene.hard, boxes });
}
writeFileSync(`${OUT}/expected.json`, JSON.stringify(index, null, '\t') + '\n');
console.log(`wrote ${SCENES.length} photos to ${OUT}`);
