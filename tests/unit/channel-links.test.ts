import { describe, expect, it } from 'vitest';
import { channelParts } from '#src/lib/view/channel-links.ts';

describe('channelParts', () => {
	it('makes telephone numbers, e-mail and web addresses tappable', () => {
		expect(channelParts('监督举报电话：0351-4567890，邮箱 jb@sthjt.shanxi.gov.cn', false)).toEqual([
			{ text: '监督举报电话：' },
			{ text: '0351-4567890', href: 'tel:03514567890' },
			{ text: '，邮箱 ' },
			{ text: 'jb@sthjt.shanxi.gov.cn', href: 'mailto:jb@sthjt.shanxi.gov.cn' },
		]);
		expect(channelParts('拨打 12345 或访问 https://www.shanxi.gov.cn/hd/。', false)).toEqual([
			{ text: '拨打 ' },
			{ text: '12345', href: 'tel:12345' },
			{ text: ' 或访问 ' },
			{ text: 'https://www.shanxi.gov.cn/hd/', href: 'https://www.shanxi.gov.cn/hd/' },
			{ text: '。' },
		]);
		expect(channelParts('手机 13912345678', false)[1]).toEqual({ text: '13912345678', href: 'tel:13912345678' });
	});
	it('never links a placeholder, however real its number looks', () => {
		expect(channelParts('（演示占位）监督举报电话：0351-4567890', true)).toEqual([
			{ text: '（演示占位）监督举报电话：0351-4567890' },
		]);
	});
	it('leaves text without a channel whole', () => {
		expect(channelParts('山西省人民政府门户网站“依申请公开”栏目', false)).toEqual([
			{ text: '山西省人民政府门户网站“依申请公开”栏目' },
		]);
	});
});
