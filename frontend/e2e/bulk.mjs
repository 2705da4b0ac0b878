// Bulk actions on the contact list (issue 20 §4): a manager ticks two of a rep's customers and hands them to
// another rep; the list shows the new owner and the customer's open lead went along. On a phone the same
// list has a select mode on its cards and the bulk bar fits the screen.
import assert from 'node:assert/strict';
import { assertAccessible, assertNoSidewaysScroll, PHONE, signIn, tokenOf } from './support.mjs';

/** Two customers of rep.zhang under a tag no one else has, one of them with an open lead. */
async function twoCustomers(page, baseUrl, tag) {
    const token = await tokenOf(page, baseUrl, 'rep.zhang');
    const headers = { Authorization: `Bearer ${token}` };
    const ids = [];
    for (const name of ['批量甲', '批量乙']) {
        const created = await page.request.post(`${baseUrl}/api/v1/contacts`, {
            headers,
            data: { name: `${name}${tag.slice(-4)}`, tags: [tag] },
        });
        assert.equal(created.status(), 201);
        ids.push((await created.json()).id);
    }
    const lead = await page.request.post(`${baseUrl}/api/v1/leads`, {
        headers,
        data: { contactId: ids[0], sourceChannel: 'REFERRAL' },
    });
    assert.equal(lead.status(), 201);
    return { ids, leadId: (await lead.json()).id };
}

async function userId(page, baseUrl, token, username) {
    const users = await page.request.get(`${baseUrl}/api/v1/users?size=200`, {
        headers: { Authorization: `Bearer ${token}` },
    });
    return (await users.json()).items.find((u) => u.username === username).id;
}

export const scenarios = [
    [
        'a manager selects two contacts and assigns them to another rep; the open lead goes along',
        async ({ page, baseUrl, screenshot }) => {
            const tag = `e2e批量${Date.now().toString().slice(-6)}`;
            const { ids, leadId } = await twoCustomers(page, baseUrl, tag);
            await signIn(page, 'manager.wang', 'demo1234', `/contacts?tag=${encodeURIComponent(tag)}`);
            const table = page.getByTestId('contact-table');
            await table.getByText(`批量甲${tag.slice(-4)}`).waitFor();
            await page.getByRole('checkbox', { name: `选择 批量甲${tag.slice(-4)}` }).check();
            await page.getByRole('checkbox', { name: `选择 批量乙${tag.slice(-4)}` }).check();
            await page.getByTestId('bulk-count').filter({ hasText: '已选 2 位' }).waitFor();
            await page.getByTestId('bulk-ASSIGN_OWNER').click();
            const dialog = page.getByRole('dialog');
            await dialog.getByTestId('bulk-owner').click();
            await page.keyboard.type('李娜');
            await page.locator('.ant-select-item-option-active', { hasText: '李娜' }).waitFor();
            await page.keyboard.press('Enter');
            await dialog.getByTestId('bulk-owner').getByTitle('李娜').waitFor();
            await screenshot('bulk-assign-1440-zh-CN.png');
            const answered = page.waitForResponse(
                (r) => r.url().endsWith('/api/v1/contacts/bulk') && r.request().method() === 'POST',
            );
            await dialog.getByRole('button', { name: '应用到 2 位' }).click();
            assert.equal((await answered).status(), 200);
            await page.getByTestId('bulk-report').waitFor();
            assert.equal(await page.getByTestId('bulk-count-changed').textContent(), '2');
            await assertAccessible(page, 'the bulk report');
            await screenshot('bulk-report-1440-zh-CN.png');
            await page.getByTestId('bulk-report-close').click();
            // The list shows the new owner on both rows, and the selection is gone.
            await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
            for (const name of ['批量甲', '批量乙']) {
                await table
                    .locator('tr', { hasText: `${name}${tag.slice(-4)}` })
                    .getByText('李娜')
                    .waitFor();
            }
            // The customer's open lead went with it.
            const token = await tokenOf(page, baseUrl, 'manager.wang');
            const lead = await page.request.get(`${baseUrl}/api/v1/leads/${leadId}`, {
                headers: { Authorization: `Bearer ${token}` },
            });
            assert.equal((await lead.json()).ownerId, await userId(page, baseUrl, token, 'rep.li'));
            const contact = await page.request.get(`${baseUrl}/api/v1/contacts/${ids[1]}`, {
                headers: { Authorization: `Bearer ${token}` },
            });
            assert.equal((await contact.json()).ownerName, '李娜');
        },
    ],
    [
        'a rep selects customers on a phone and the bulk bar fits the screen',
        async ({ page, baseUrl, screenshot }) => {
            const tag = `e2e手机${Date.now().toString().slice(-6)}`;
            await twoCustomers(page, baseUrl, tag);
            await signIn(page, 'rep.zhang', 'demo1234', `/contacts?tag=${encodeURIComponent(tag)}`);
            await page
                .getByTestId('contact-table-cards')
                .getByText(`批量甲${tag.slice(-4)}`)
                .waitFor();
            await page.getByTestId('contact-select-mode').click();
            await page.getByRole('checkbox', { name: `选择 批量甲${tag.slice(-4)}` }).check();
            await page.getByRole('checkbox', { name: `选择 批量乙${tag.slice(-4)}` }).check();
            await page.getByTestId('bulk-count').filter({ hasText: '已选 2 位' }).waitFor();
            await assertNoSidewaysScroll(page, 'the contact list with the bulk bar on a phone');
            // The pointer rests where the last box was ticked: move it off the card (a hovered link is lighter).
            await page.mouse.move(200, 2);
            await assertAccessible(page, 'the contact list in select mode');
            await screenshot('bulk-select-390-zh-CN.png');
            await page.getByTestId('bulk-actions').click();
            await page.getByRole('menuitem', { name: '添加标签' }).click();
            const dialog = page.getByRole('dialog');
            await dialog.getByRole('combobox').fill('手机批量');
            await page.keyboard.press('Enter');
            await dialog.getByRole('button', { name: '应用到 2 位' }).click();
            await page.getByTestId('bulk-report').waitFor();
            assert.equal(await page.getByTestId('bulk-count-changed').textContent(), '2');
            await assertNoSidewaysScroll(page, 'the bulk report on a phone');
        },
        PHONE,
    ],
];
