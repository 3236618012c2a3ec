/** The paper-note detection, off the main thread: receives the photo's pixels, answers the notes. */
import { detectNotes, type ImageLike } from '$lib/board/paper/detect';

self.onmessage = (event: MessageEvent<ImageLike>) => {
	self.postMessage(detectNotes(event.data));
};
