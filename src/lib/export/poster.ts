/**
 * The join poster: an A4 page with the session title, a large QR code of the join link and three
 * lines of instructions in the session's language, to print and put on the tables. The QR code is
 * drawn as vector squares so that it prints sharp at any size.
 */
import QRCode from 'qrcode';
import type { Locale } from '../i18n/locales';
import { translate } from '../i18n/translate';
import { FAMILY, registerFonts, type FontBytes } from './pdf-fonts';

export interface PosterInput {
	title: string;
	organisation: string;
	link: string;
	language: Locale;
	/** The Wi-Fi network to join first, when the facilitator named one. */
	wifi?: string;
}

export async function makeJoinPoster(input: PosterInput, fonts: FontBytes): Promise<Blob> {
	const { jsPDF } = await import('jspdf');
	const doc = new jsPDF({ unit: 'mm', format: 'a4' });
	registerFonts(doc, fonts);
	const t = (key: Parameters<typeof translate>[1]) => translate(input.language, key);
	const width = 210;
	const margin = 20;

	doc.setFont(FAMILY, 'bold');
	doc.setFontSize(30);
	const title = doc.splitTextToSize(input.title || t('plan.untitled'), width - 2 * margin) as string[];
	doc.text(title.slice(0, 3), width / 2, 32, { align: 'center' });
	let y = 32 + Math.min(title.length, 3) * 12;
	if (input.organisation) {
		doc.setFont(FAMILY, 'normal');
		doc.setFontSize(16);
		doc.text(input.organisation, width / 2, y, { align: 'center' });
		y += 10;
	}

	const qr = QRCode.create(input.link, { errorCorrectionLevel: 'M' });
	const modules = qr.modules.size;
	const size = 120;
	const cell = size / (modules + 8);
	const left = (width - size) / 2;
	const top = y + 6;
	doc.setFillColor(0, 0, 0);
	for (let row = 0; row < modules; row++) {
		for (let col = 0; col < modules; col++) {
			if (qr.modules.get(row, col)) doc.rect(left + (col + 4) * cell, top + (row + 4) * cell, cell, cell, 'F');
		}
	}

	y = top + size + 14;
	doc.setFont(FAMILY, 'bold');
	doc.setFontSize(20);
	doc.text(t('poster.heading'), width / 2, y, { align: 'center' });
	doc.setFont(FAMILY, 'normal');
	doc.setFontSize(15);
	y += 12;
	const steps = [
		...(input.wifi ? [translate(input.language, 'poster.wifi', { name: input.wifi })] : []),
		...(['poster.step1', 'poster.step2', 'poster.step3'] as const).map(t)
	];
	for (const [i, step] of steps.entries()) {
		const lines = doc.splitTextToSize(`${i + 1}. ${step}`, width - 2 * margin) as string[];
		doc.text(lines, margin, y);
		y += lines.length * 7 + 3;
	}
	doc.setFontSize(9);
	doc.setTextColor(80, 80, 80);
	const linkLines = doc.splitTextToSize(input.link, width - 2 * margin) as string[];
	doc.text(linkLines, width / 2, 287 - linkLines.length * 4, { align: 'center' });
	return doc.output('blob');
}
