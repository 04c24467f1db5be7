// The search page's state in three places kept in step: the form, the URL (shareable, back/forward) and the history.
import type { FacetKey } from '#src/lib/search/facets.ts';
import { sameState, stateFromParams, stateToSearch, type SearchState } from '#src/lib/search/url.ts';

/** Reads and writes the state of the search form, the page URL and the history entry. */
export interface UrlState {
	/** The state the form shows now. */
	readForm(): SearchState;
	/** Puts a state into the form's fields. */
	writeForm(state: SearchState): void;
	/** The state the page URL holds. */
	fromUrl(): SearchState;
	/** Records a state in the URL: a new history entry (`push`) or the current one replaced; nothing if unchanged. */
	commit(state: SearchState, mode: 'push' | 'replace'): void;
}

/** The URL state of a search form whose query box is `#q` and order select `#sort`. */
export function urlState(form: HTMLFormElement): UrlState {
	const input = form.querySelector<HTMLInputElement>('#q')!;
	const sortSelect = form.querySelector<HTMLSelectElement>('#sort')!;
	const fromUrl = () => stateFromParams(new URLSearchParams(location.search));
	return {
		readForm() {
			const params = new URLSearchParams();
			params.set('q', input.value);
			for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked'))
				params.append(box.name, box.value);
			params.set('sort', sortSelect.value);
			// The unit role is not on the form: it comes with a shared link (?unit=…&role=any) and is kept while the unit
			// facet is.
			const role = new URLSearchParams(location.search).get('role');
			if (role) params.set('role', role);
			return stateFromParams(params);
		},
		writeForm(state) {
			input.value = state.q;
			sortSelect.value = state.sort;
			for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
				box.checked = (state.filters[box.name as FacetKey] ?? []).includes(box.value);
			}
		},
		fromUrl,
		commit(state, mode) {
			if (sameState(state, fromUrl())) return;
			const url = location.pathname + stateToSearch(state);
			if (mode === 'push') history.pushState(null, '', url);
			else history.replaceState(null, '', url);
		},
	};
}
