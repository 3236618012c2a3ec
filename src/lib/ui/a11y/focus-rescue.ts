/**
 * Keeps keyboard focus from falling to `<body>` when the focused control disappears (a button
 * swapped for another, a toolbar removed) or becomes disabled ("Next" on the last activity).
 *
 * Why one page-wide guard instead of a fix in each component: the loss happens wherever a
 * reactive branch replaces a control, and a keyboard or screen-reader user who lands on `<body>`
 * starts again from the top of the page. So the guard remembers where focus was and, when it is
 * lost that way, puts it on the control now at the same place among the nearest surviving
 * container's controls (the Pause button that replaced Start), or the one before a disabled
 * control. Components that know a better place (the group just made) focus it themselves; the
 * guard only acts when focus really is on `<body>`.
 */

const FOCUSABLE =
	'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function focusables(root: Element): HTMLElement[] {
	return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
		(el) => !el.closest('[inert], [hidden]') && el.getClientRects().length > 0
	);
}

interface Remembered {
	element: HTMLElement;
	/** The element's containers, nearest first, with the controls that came before it in each. */
	containers: { container: Element; before: HTMLElement[] }[];
}

function remember(element: HTMLElement): Remembered {
	const containers: Remembered['containers'] = [];
	// One query for the page, not one per container: a board may hold a thousand notes.
	const all = [...document.body.querySelectorAll<HTMLElement>(FOCUSABLE)];
	const index = all.indexOf(element);
	const before = index < 0 ? [] : all.slice(0, index);
	for (let container = element.parentElement; container; container = container.parentElement) {
		const inside = container;
		containers.push({ container, before: before.filter((el) => inside.contains(el)) });
		if (container === document.body) break;
	}
	return { element, containers };
}

const lost = (element: HTMLElement) =>
	!element.isConnected ||
	(element as HTMLButtonElement).disabled === true ||
	element.closest('[inert]') !== null ||
	element.getClientRects().length === 0;

/** Where focus goes when `remembered.element` was lost; null when nothing fits. */
export function rescueTarget(remembered: Remembered): HTMLElement | null {
	for (const { container, before } of remembered.containers) {
		if (!container.isConnected) continue;
		const now = focusables(container);
		if (now.length === 0) continue;
		const kept = before.filter((el) => el.isConnected && now.includes(el)).length;
		// A removed control was replaced (or followed) by the one now at its place; a disabled one
		// is still there, so the control just before it is the nearest that works.
		const index = remembered.element.isConnected && !now.includes(remembered.element) ? kept - 1 : kept;
		return now[Math.max(0, Math.min(index, now.length - 1))];
	}
	return document.getElementById('main');
}

/** Starts the guard; returns its stop function. */
export function guardFocus(): () => void {
	let last: Remembered | null = null;
	let scheduled = false;
	/** The focused control was disabled since it took focus (the browser then drops focus to
	 * `<body>`): if it is enabled again by the check ("Notes as CSV" while the file is made),
	 * focus goes back to it. Only then: a click on the page's background also leaves focus on
	 * `<body>`, and that is the person's choice. */
	let disabledSince = false;

	const check = () => {
		scheduled = false;
		if (!last) return;
		const active = document.activeElement;
		if (active && active !== document.body) return;
		if (document.querySelector('dialog[open]')) return;
		if (!lost(last.element)) {
			if (disabledSince) last.element.focus();
			return;
		}
		rescueTarget(last)?.focus();
	};
	const schedule = () => {
		if (scheduled) return;
		scheduled = true;
		// After the framework's update of this turn, so the replacement control exists.
		setTimeout(check, 0);
	};

	const onfocusin = (event: FocusEvent) => {
		if (event.target instanceof HTMLElement && event.target !== document.body) {
			last = remember(event.target);
			disabledSince = false;
		}
	};
	const onfocusout = (event: FocusEvent) => {
		if (event.relatedTarget === null) schedule();
	};
	const observer = new MutationObserver((records) => {
		if (!last) return;
		const element = last.element;
		// Seen even when it is enabled again within the same batch of changes.
		if (records.some((r) => r.type === 'attributes' && r.target === element)) disabledSince = true;
		if (disabledSince || lost(element)) schedule();
	});
	document.addEventListener('focusin', onfocusin);
	document.addEventListener('focusout', onfocusout);
	observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
	return () => {
		document.removeEventListener('focusin', onfocusin);
		document.removeEventListener('focusout', onfocusout);
		observer.disconnect();
	};
}
