/**
 * The browser half of the photo import: reading the chosen file into a canvas, running the
 * detection off the main thread, and cutting each box out as a small JPEG. Everything stays on the
 * device.
 */
import type { DetectedNote } from '$lib/board/paper/detect';
import { MAX_IMAGE_BYTES } from '$lib/board/image-notes';
import { compressUnder } from './compress';
import { nearestNoteColor, type EditBox } from './boxes';
import type { NoteColor } from '$lib/board/types';

/** Larger files are not photos of a wall: refused before decoding, which could exhaust a phone. */
export const MAX_PHOTO_FILE_BYTES = 40 * 1024 * 1024;
/** The photo is kept at this longest side: enough to read a note's handwriting, small in memory. */
const PHOTO_SIDE = 2000;
/** A cropped note's longest side before compression: a note on the board is 160 CSS px wide. */
const CROP_SIDE = 360;

export type PhotoProblem = 'not-image' | 'too-large' | 'unreadable';

export interface Photo {
	canvas: HTMLCanvasElement;
	width: number;
	height: number;
	/** An address of the scaled photo for the preview. */
	url: string;
}

export async function readPhoto(
	file: File
): Promise<{ ok: true; photo: Photo } | { ok: false; problem: PhotoProblem }> {
	if (!file.type.startsWith('image/')) return { ok: false, problem: 'not-image' };
	if (file.size > MAX_PHOTO_FILE_BYTES) return { ok: false, problem: 'too-large' };
	let bitmap: ImageBitmap;
	try {
		// The photo's own orientation (a phone held upright) is applied, as the facilitator saw it.
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		return { ok: false, problem: 'unreadable' };
	}
	const scale = Math.min(1, PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
	const width = Math.max(1, Math.round(bitmap.width * scale));
	const height = Math.max(1, Math.round(bitmap.height * scale));
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d');
	if (!context) return { ok: false, problem: 'unreadable' };
	context.drawImage(bitmap, 0, 0, width, height);
	bitmap.close();
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
	if (!blob) return { ok: false, problem: 'unreadable' };
	return { ok: true, photo: { canvas, width, height, url: URL.createObjectURL(blob) } };
}

/**
 * Finds the notes in a worker, so a large photo never freezes the dialog; where a worker cannot
 * start, on this thread after the dialog has painted its "looking" state.
 */
export async function findNotes(photo: Photo): Promise<DetectedNote[]> {
	const context = photo.canvas.getContext('2d');
	if (!context) return [];
	const image = context.getImageData(0, 0, photo.width, photo.height);
	try {
		const worker = new Worker(new URL('./detect.worker.ts', import.meta.url), { type: 'module' });
		return await new Promise<DetectedNote[]>((resolve, reject) => {
			worker.onmessage = (event: MessageEvent<DetectedNote[]>) => resolve(event.data);
			worker.onerror = (event) => reject(event);
			worker.postMessage({ width: image.width, height: image.height, data: image.data }, [image.data.buffer]);
		}).finally(() => worker.terminate());
	} catch {
		await new Promise((resolve) => setTimeout(resolve, 0));
		const { detectNotes } = await import('$lib/board/paper/detect');
		return detectNotes(context.getImageData(0, 0, photo.width, photo.height));
	}
}

/** One box cut out of the photo as JPEG bytes under the bound, with its paper's colour. */
export async function cropNote(photo: Photo, box: EditBox): Promise<{ image: Uint8Array; color: NoteColor } | null> {
	const fit = Math.min(1, CROP_SIDE / Math.max(box.width, box.height));
	const canvas = document.createElement('canvas');
	const context = canvas.getContext('2d');
	if (!context) return null;
	const encode = async (scale: number, quality: number) => {
		canvas.width = Math.max(1, Math.round(box.width * fit * scale));
		canvas.height = Math.max(1, Math.round(box.height * fit * scale));
		context.drawImage(photo.canvas, box.x, box.y, box.width, box.height, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
		return blob ? new Uint8Array(await blob.arrayBuffer()) : new Uint8Array();
	};
	const image = await compressUnder(encode, MAX_IMAGE_BYTES);
	if (!image) return null;
	return { image, color: nearestNoteColor(paperColor(photo, box)) };
}

/** The mean colour of a box's middle, where the paper is, away from its edges and the wall. */
function paperColor(photo: Photo, box: EditBox): [number, number, number] {
	const context = photo.canvas.getContext('2d');
	const x = Math.round(box.x + box.width / 4);
	const y = Math.round(box.y + box.height / 4);
	const w = Math.max(1, Math.round(box.width / 2));
	const h = Math.max(1, Math.round(box.height / 2));
	if (!context) return [255, 255, 255];
	const data = context.getImageData(x, y, w, h).data;
	const sum = [0, 0, 0];
	for (let i = 0; i < data.length; i += 4) {
		sum[0] += data[i];
		sum[1] += data[i + 1];
		sum[2] += data[i + 2];
	}
	const n = data.length / 4;
	return [sum[0] / n, sum[1] / n, sum[2] / n];
}
