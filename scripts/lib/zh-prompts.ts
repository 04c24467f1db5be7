// The prompts of `npm run update` in Chinese, including the prompt library's own words. @clack/prompts lets the
// cancel and error messages be set (updateSettings) and the confirm labels be given, but its autocomplete writes
// "Search:", "No matches found" and "↑/↓ to select" itself, so the task picker renders with @clack/core here.
import { styleText } from 'node:util';
import { AutocompletePrompt, updateSettings } from '@clack/core';
import { limitOptions, S_BAR, S_BAR_END, S_RADIO_ACTIVE, S_RADIO_INACTIVE, symbol } from '@clack/prompts';

/** Sets the prompt library's own messages to Chinese (called once before the first prompt). */
export function useChinesePrompts(): void {
	updateSettings({ messages: { cancel: '已取消', error: '出错了' } });
}

/** One choice of the picker. */
export interface PickOption {
	value: string;
	label: string;
}

/**
 * A searchable list in Chinese: typing filters with `matches` (the editor's own ways of naming a record), ↑/↓ moves,
 * Enter picks. Resolves to the value, or to the cancel symbol.
 */
export function pick(opts: {
	message: string;
	options: PickOption[];
	matches: (query: string, value: string) => boolean;
	maxItems?: number;
}): Promise<string | symbol> {
	const prompt = new AutocompletePrompt<PickOption>({
		options: opts.options,
		filter: (search, o) => opts.matches(search, o.value),
		render() {
			const head = `${styleText('gray', S_BAR)}\n${symbol(this.state)}  ${opts.message}`;
			if (this.state === 'submit') {
				const chosen = opts.options.find((o) => o.value === this.selectedValues[0]);
				return `${head}\n${styleText('gray', S_BAR)}  ${styleText('dim', chosen?.label ?? '')}`;
			}
			if (this.state === 'cancel') return `${head}\n${styleText('gray', S_BAR)}  ${styleText('dim', '已取消')}`;
			const color = this.state === 'error' ? 'yellow' : 'cyan';
			const bar = `${styleText(color, S_BAR)}  `;
			const shown = this.filteredOptions.length;
			const count =
				shown !== opts.options.length ? styleText('dim', `（找到 ${shown} 项，共 ${opts.options.length} 项）`) : '';
			const lines = [head, bar.trimEnd(), `${bar}${styleText('dim', '查找：')} ${this.userInputWithCursor}${count}`];
			if (shown === 0 && this.userInput)
				lines.push(
					`${bar}${styleText('yellow', '没有找到。可输入编号（如 第8号、回头看第08号、hkk-08、8）或任务名称中的文字')}`,
				);
			if (this.state === 'error') lines.push(`${bar}${styleText('yellow', this.error)}`);
			const footer = [
				`${bar}${styleText('dim', '输入编号或文字查找 • ↑/↓ 移动 • 回车 选定 • Esc 取消')}`,
				styleText(color, S_BAR_END),
			];
			const rows =
				shown === 0
					? []
					: limitOptions({
							cursor: this.cursor,
							options: this.filteredOptions,
							columnPadding: 3,
							rowPadding: lines.length + footer.length,
							maxItems: opts.maxItems,
							style: (o, active) =>
								active
									? `${styleText('green', S_RADIO_ACTIVE)} ${o.label}`
									: `${styleText('dim', S_RADIO_INACTIVE)} ${styleText('dim', o.label)}`,
						});
			return [...lines, ...rows.map((r) => `${bar}${r}`), ...footer].join('\n');
		},
	});
	return prompt.prompt() as Promise<string | symbol>;
}
