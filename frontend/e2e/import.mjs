// The contact import wizard (issue 20 §1): a rep drops a CSV saved by Chinese Excel (a zh header, one new
// customer, one already in the book, one row with a bad mobile), sees the mapping, the problem and the
// duplicate, imports, finds the new customer in the list, and undoes the import. On a phone the page says
// to use a computer, without scrolling sideways.
import assert from 'node:assert/strict';
import { checkPage, PHONE, signIn, tokenOf } from './support.mjs';

const suffix = Date.now().toString().slice(-6);

function mobile(n) {
    return `139${suffix}${String(n).padStart(2, '0')}`;
}

export const scenarios = [
    [
        'a rep imports a CSV with a zh header: the bad row reported, the duplicate skipped, the new customer listed, then undone',
        async ({ page, baseUrl, screenshot }) => {
            const token = await tokenOf(page, baseUrl, 'rep.zhang');
            const existing = await page.request.post(`${baseUrl}/api/v1/contacts`, {
                headers: { Authorization: `Bearer ${token}` },
                data: { name: `老客户${suffix}`, mobile: mobile(1) },
            });
            assert.equal(existing.status(), 201);
            const csv = [
                '姓名,手机,公司,地区',
                `新客户${suffix},${mobile(2)},导入测试公司,华东`,
                `老客户${suffix},${mobile(1)},导入测试公司,华东`,
                `坏号码${suffix},abc,导入测试公司,华东`,
            ].join('\r\n');

            await signIn(page, 'rep.zhang', 'demo1234', '/contacts/import');
            await page.locator('input[type=file]').setInputFiles({
                name: `客户${suffix}.csv`,
                mimeType: 'text/csv',
                buffer: Buffer.from(`\uFEFF${csv}`, 'utf8'),
            });
            await page.getByTestId('import-detail').waitFor();
            await page.getByTestId('import-state').filter({ hasText: '预览' }).waitFor();
            // The bad mobile is a problem whose report can be downloaded; the duplicate group names the customer.
            await page.getByTestId('import-errors').waitFor();
            await page.getByRole('link', { name: `老客户${suffix}` }).waitFor();
            await checkPage(page, screenshot, 'import-preview-1440-zh-CN.png', 'the import preview');

            const committed = page.waitForResponse(
                (r) => r.url().endsWith('/commit') && r.request().method() === 'POST',
            );
            await page.getByTestId('import-commit').click();
            assert.equal((await committed).status(), 202);
            await page.getByTestId('import-result').filter({ hasText: '新建 1' }).waitFor();
            await page.getByTestId('import-state').filter({ hasText: '已导入' }).waitFor();

            const found = await page.request.get(
                `${baseUrl}/api/v1/contacts?q=${encodeURIComponent(`新客户${suffix}`)}`,
                { headers: { Authorization: `Bearer ${token}` } },
            );
            assert.equal((await found.json()).total, 1, 'the new customer is in the book');
            const duplicates = await page.request.get(`${baseUrl}/api/v1/contacts?q=${mobile(1)}`, {
                headers: { Authorization: `Bearer ${token}` },
            });
            assert.equal((await duplicates.json()).total, 1, 'the customer already in the book was not created again');

            await page.getByTestId('import-undo').click();
            await page.getByRole('button', { name: '撤销导入' }).last().click();
            await page.getByTestId('import-state').filter({ hasText: '已撤销' }).waitFor();
            const gone = await page.request.get(
                `${baseUrl}/api/v1/contacts?q=${encodeURIComponent(`新客户${suffix}`)}`,
                { headers: { Authorization: `Bearer ${token}` } },
            );
            assert.equal((await gone.json()).total, 0, 'undo removed the imported customer');
            await screenshot('import-undone-1440-zh-CN.png');
        },
    ],
    [
        'on a phone the import page asks for a computer and does not scroll sideways',
        async ({ page, screenshot }) => {
            await signIn(page, 'rep.zhang', 'demo1234', '/contacts/import');
            await page.getByTestId('import-use-computer').waitFor();
            await checkPage(page, screenshot, 'import-390-zh-CN.png', 'the import page on a phone');
        },
        PHONE,
    ],
];
