/** Saves a blob as a file through the browser's download. */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// Revoke later: some browsers start the download asynchronously.
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
