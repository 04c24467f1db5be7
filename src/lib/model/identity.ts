// The identity block of a Chinese government site's footer (主办单位 … 公安机关备案号, 党政机关网站标识):
// labels once, and the official pages where a reader can verify a filing number.
import type { ChannelField, IdentityField, Settings } from '#src/schemas/settings.ts';

type IdentityKey = keyof Settings['identity'];

/** Chinese label of each identity field, for the footer and the release check alike. */
export const IDENTITY_LABELS: Record<IdentityKey, string> = {
	organizer: '主办单位',
	operator: '承办单位',
	contact: '联系方式',
	siteCode: '网站标识码',
	icp: 'ICP备案号',
	psb: '公安机关备案号',
	partyMark: '党政机关网站标识',
	report: '监督举报',
	infoRequest: '政府信息公开申请渠道',
};

/** The MIIT's ICP filing query (工业和信息化部 ICP/IP地址/域名信息备案管理系统). */
export const ICP_QUERY_URL = 'https://beian.miit.gov.cn/';
/** The Ministry of Public Security's filing query (全国互联网安全管理服务平台), searched by the filing number. */
export const PSB_QUERY_URL = 'https://beian.mps.gov.cn/#/query/webSearch';

/** A footer row: label, the field, and the page that verifies it (never for a placeholder). */
export interface IdentityRow {
	key: IdentityKey;
	label: string;
	field: IdentityField | ChannelField;
	href?: string;
}

/** The official query page for a filing number; a placeholder links nowhere, so no fake number looks verifiable. */
export function verifyHref(key: IdentityKey, field: IdentityField | ChannelField): string | undefined {
	if (field.placeholder) return undefined;
	if ('href' in field && field.href) return field.href;
	if (key === 'icp') return ICP_QUERY_URL;
	if (key === 'psb') {
		const code = field.value.match(/\d{10,}/)?.[0];
		return code ? `${PSB_QUERY_URL}?code=${code}` : PSB_QUERY_URL;
	}
	return undefined;
}

/** The footer's identity rows in the order government sites print them (the mark has its own slot). */
export function identityRows(identity: Settings['identity']): IdentityRow[] {
	const keys: IdentityKey[] = ['organizer', 'operator', 'contact', 'report', 'siteCode', 'icp', 'psb'];
	return keys.map((key) => ({
		key,
		label: IDENTITY_LABELS[key],
		field: identity[key],
		href: verifyHref(key, identity[key]),
	}));
}

/**
 * Who a citation and the Dataset name as author and publisher: the publishing body (主办单位) once settings give it,
 * the site's name only while that is a placeholder (a placeholder is never cited as a body).
 */
export function citedAuthor(settings: Pick<Settings, 'siteName' | 'identity'>): string {
	const o = settings.identity.organizer;
	return o.placeholder ? settings.siteName : o.value;
}
