// Duplicates and merge (issue 20 §3): a manager on a phone finds two contacts with one mobile, keeps one, picks the
// other's email, merges them, sees how many records moved, and undoes the merge; both contacts are back.
import assert from 'node:assert/strict';
import { checkPage, PHONE, signIn, tokenOf } from './support.mjs';

async function twoDuplicates(page, baseUrl) {
    const token = await tokenOf(page, baseUrl, 'manager.wang');
    const headers = { Authorization: `Bearer ${token}` };
    const mobile = `137${String(Date.now()).slice(-8)}`;
    const stamp = Date.now().toString(36);
    const create = async (data) => {
        const response = await page.request.post(`${baseUrl}/api/v1/contacts?confirmDuplicate=true`, { headers, data });
        assert.equal(response.status(), 201);
        return (await response.json()).id;
    };
    const keep = await create({ name: '周晓明', mobile, company: '合并测试公司', tags: ['老客户'] });
    const other = await create({
        name: '周晓明',
        mobile: `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`,
        email: `zhou-${stamp}@example.cn`,
        tags: ['展会'],
    });
    const interaction = await page.request.post(`${baseUrl}/api/v1/contacts/${other}/interactions`, {
        headers,
        data: { channel: 'PHONE', direction: 'OUTBOUND', summary: '电话回访' },
    });
    assert.equal(interaction.status(), 201);
    return { keep, other, headers };
}

export const scenarios = [
    [
        'a manager merges two duplicates on a phone, sees what moved and undoes the merge',
        async ({ page, screenshot, baseUrl }) => {
            const { keep, other, headers } = await twoDuplicates(page, baseUrl);
            await signIn(page, 'manager.wang', 'demo1234', '/contacts/duplicates');
            await page.getByTestId('duplicate-group').first().waitFor();
            await checkPage(page, screenshot, 'duplicates-390-zh-CN.png');

            await page.goto(`/contacts/duplicates/merge?ids=${keep},${other}`);
            await page.getByTestId('merge-contact').nth(1).waitFor();
            // The other contact's email stays with the one kept.
            await page.getByTestId('pick-email-1').click();
            await checkPage(page, screenshot, 'merge-390-zh-CN.png');
            const merged = page.waitForResponse(
                (r) => r.url().endsWith('/api/v1/contacts/merge') && r.request().method() === 'POST',
            );
            await page.getByTestId('merge-submit').click();
            assert.equal((await merged).status(), 201);
            const counts = page.getByTestId('merge-counts');
            await counts.waitFor();
            assert.match(await counts.innerText(), /沟通记录\s*1/);
            await checkPage(page, screenshot, 'merge-result-390-zh-CN.png');

            const kept = await (await page.request.get(`${baseUrl}/api/v1/contacts/${keep}`, { headers })).json();
            assert.match(kept.email, /^zhou-/);
            const pointer = await page.request.get(`${baseUrl}/api/v1/contacts/${other}`, { headers, maxRedirects: 0 });
            assert.equal(pointer.status(), 308);

            await page.getByTestId('merge-undo').click();
            // A DOM click: under the harness's 1 ms animations antd may leave the popover mid-placement.
            const [undone] = await Promise.all([
                page.waitForResponse((r) => r.url().endsWith('/undo') && r.request().method() === 'POST'),
                page.locator('.ant-popconfirm .ant-btn-primary').dispatchEvent('click'),
            ]);
            assert.equal(undone.status(), 200);
            await page.getByTestId('merge-undone').waitFor();
            const back = await page.request.get(`${baseUrl}/api/v1/contacts/${other}`, { headers, maxRedirects: 0 });
            assert.equal(back.status(), 200);
            const restored = await (await page.request.get(`${baseUrl}/api/v1/contacts/${keep}`, { headers })).json();
            assert.equal(restored.email ?? null, null);
        },
        PHONE,
    ],
];
