/**
 * The exports of a session stored on this device, as files: the PDF summary and the notes as CSV.
 * Both read the session in one consistent snapshot from storage (plan, agenda and the shared
 * document's state), so a summary made from the planner and one made mid-workshop from the run
 * page see the same thing the device has saved.
 */
import * as Y from 'yjs';
import { readSessionParts, type SessionParts } from '../storage/backup-store';
import type { FontBytes, FontLoader } from './pdf-fonts';
import { exportFileName } from './file-names';
import { notesCsv, type CsvSeparator } from './notes-csv';
import { buildReport, type ReportModel } from './report-model';
import { makeSeriesPdf } from './series-pdf';
import { buildSummary } from './summary-model';
import { makeSummaryPdf } from './summary-pdf';

async function withDoc<T>(sessionId: string, use: (parts: SessionParts, doc: Y.Doc) => Promise<T>): Promise<T | null> {
	const parts = await readSessionParts(sessionId);
	if (!parts) return null;
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, parts.update);
		return await use(parts, doc);
	} finally {
		doc.destroy();
	}
}

export interface SummaryFileOptions {
	fonts: FontBytes;
	/** Fetches the extra (CJK, emoji) fonts when the text needs them. */
	loadFont?: FontLoader;
	appVersion: string;
	/** Method id → name in the session's language. */
	methodNames: Readonly<Record<string, string>>;
	includeNames: boolean;
	onProgress?: (done: number) => void;
	now?: number;
}

export async function summaryPdfFile(
	sessionId: string,
	options: SummaryFileOptions
): Promise<{ bytes: ArrayBuffer; fileName: string } | null> {
	const now = options.now ?? Date.now();
	return withDoc(sessionId, async (parts, doc) => ({
		bytes: await makeSummaryPdf({
			session: parts.session,
			agenda: parts.agenda,
			doc,
			methodNames: options.methodNames,
			includeNames: options.includeNames,
			fonts: options.fonts,
			loadFont: options.loadFont,
			appVersion: options.appVersion,
			exportedAt: now,
			onProgress: options.onProgress
		}),
		fileName: exportFileName(parts.session.title, 'summary', 'pdf', now)
	}));
}

export async function notesCsvFile(
	sessionId: string,
	options: { includeNames: boolean; separator?: CsvSeparator; now?: number }
): Promise<{ text: string; fileName: string } | null> {
	const now = options.now ?? Date.now();
	return withDoc(sessionId, async (parts, doc) => ({
		text: notesCsv(
			{ session: parts.session, agenda: parts.agenda, doc, includeNames: options.includeNames },
			options.separator
		),
		fileName: exportFileName(parts.session.title, 'notes', 'csv', now)
	}));
}

/** Several stored sessions as one series report (sessions not found are left out). */
export async function seriesPdfFile(
	sessionIds: string[],
	options: Omit<SummaryFileOptions, 'includeNames' | 'onProgress'>
): Promise<{ bytes: ArrayBuffer; fileName: string } | null> {
	const now = options.now ?? Date.now();
	const docs: Y.Doc[] = [];
	try {
		const sessions = [];
		for (const id of sessionIds) {
			const parts = await readSessionParts(id);
			if (!parts) continue;
			const doc = new Y.Doc();
			docs.push(doc);
			Y.applyUpdate(doc, parts.update);
			sessions.push({ session: parts.session, agenda: parts.agenda, doc, methodNames: options.methodNames });
		}
		if (sessions.length === 0) return null;
		const bytes = await makeSeriesPdf({
			sessions,
			fonts: options.fonts,
			loadFont: options.loadFont,
			appVersion: options.appVersion,
			exportedAt: now
		});
		return { bytes, fileName: exportFileName(sessions[0].session.title, 'series', 'pdf', now) };
	} finally {
		for (const doc of docs) doc.destroy();
	}
}

/** The report's figures for the app's charts: the same model the PDF's report section draws. */
export async function sessionReportModel(
	sessionId: string,
	methodNames: Readonly<Record<string, string>>
): Promise<ReportModel | null> {
	return withDoc(sessionId, async (parts, doc) => {
		const summary = buildSummary({
			session: parts.session,
			agenda: parts.agenda,
			doc,
			methodNames,
			includeNames: false
		});
		return buildReport(
			{
				doc,
				participation: parts.session.participation,
				anonymous: parts.session.anonymous,
				report: parts.session.report
			},
			summary
		);
	});
}
