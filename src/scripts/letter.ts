// The 申请书's 复制 and 打印 buttons: copying spares a long press to select; printing prints the letter alone, on its
// own page (the print rule of :root.print-letter in global.css), not the whole task page.

for (const box of document.querySelectorAll<HTMLElement>('[data-letter]')) {
	const text = box.querySelector('pre')?.textContent ?? '';
	const status = box.querySelector<HTMLElement>('.letter-status');
	const fold = box.querySelector('details');
	const say = (s: string) => {
		if (status) status.textContent = s;
	};
	box.querySelector<HTMLElement>('.letter-actions')?.removeAttribute('hidden');
	box.querySelector('[data-letter-copy]')?.addEventListener('click', async () => {
		try {
			await navigator.clipboard.writeText(text);
			say('已复制，可粘贴到文档或邮件中。');
		} catch {
			// No clipboard (an old browser, or permission refused): open the text and select it for the reader.
			if (fold) fold.open = true;
			const pre = box.querySelector('pre');
			if (pre) getSelection()?.selectAllChildren(pre);
			say('无法自动复制：已选中全文，请长按或按 Ctrl+C 复制。');
		}
	});
	box.querySelector('[data-letter-print]')?.addEventListener('click', () => {
		const root = document.documentElement;
		root.classList.add('print-letter');
		box.classList.add('letter-sheet');
		addEventListener(
			'afterprint',
			() => {
				root.classList.remove('print-letter');
				box.classList.remove('letter-sheet');
			},
			{ once: true },
		);
		print();
	});
}
