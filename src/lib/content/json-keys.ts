/**
 * Keys written twice in one JSON object (JSON.parse keeps the last silently), with the offset of the
 * second occurrence. Expects text that JSON.parse accepted.
 */
export function duplicateJsonKeys(text: string): { key: string; offset: number }[] {
	const out: { key: string; offset: number }[] = [];
	// One entry per open bracket: the keys seen so far for an object, null for an array.
	const stack: (Set<string> | null)[] = [];
	let expectKey = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') {
			const start = i;
			let j = i + 1;
			while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
			const top = stack.at(-1);
			if (expectKey && top) {
				const key = JSON.parse(text.slice(start, j + 1)) as string;
				if (top.has(key)) out.push({ key, offset: start });
				else top.add(key);
				expectKey = false;
			}
			i = j;
		} else if (c === '{') {
			stack.push(new Set());
			expectKey = true;
		} else if (c === '[') {
			stack.push(null);
			expectKey = false;
		} else if (c === '}' || c === ']') {
			stack.pop();
			expectKey = false;
		} else if (c === ',') expectKey = stack.at(-1) != null;
	}
	return out;
}
