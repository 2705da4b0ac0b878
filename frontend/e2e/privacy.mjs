// Personal data (issue 19 items 3-5): an admin handles a customer's deletion request on a phone — verify,
// fulfil — and the contact shows as anonymised; the retention review at a desk in both languages.
import assert from 'node:assert/strict';
import { checkPage, PHONE, setLanguage, signIn, tokenOf } from './support.mjs';

async function deletionRequested(page, baseUrl) {
    const token = await tokenOf(page, baseUrl, 'admin');
    const auth = { Authorization: `Bearer ${token}` };
    const contacts = await (await page.request.get(`${baseUrl}/api/v1/contacts?size=1&sort=name,desc`, { headers: auth })).json();
    const contact = contacts.items[0];
    const created = await page.request.post(`${baseUrl}/api/v1/privacy/requests`, {
        headers: auth,
        data: { contactId: contact.id, kind: 'DELETION', channel: 'PHONE', details: '客户来电要求删除个人信息' },
    });
    assert.equal(created.status(), 201);
    return contact;
}

export const scenarios = [
    [
        'an admin fulfils a deletion request on a phone and the customer shows as anonymised',
        async ({ page, screenshot, baseUrl }) => {
            const contact = await deletionRequested(page, baseUrl);
            await signIn(page, 'admin', 'demo1234', '/admin/privacy');
            const card = page.getByTestId('list-card').filter({ hasText: contact.name });
            await card.first().waitFor();
            await checkPage(page, screenshot, 'privacy-requests-390-zh-CN.png');
            const modal = page.locator('.ant-modal');
            const verified = page.waitForResponse((r) => r.url().endsWith('/verify') && r.request().method() === 'POST');
            await card.first().getByTestId('privacy-verify').click();
            await modal.getByTestId('privacy-step-text').fill('核对身份证后四位');
            await modal.locator('.ant-btn-primary').click();
            assert.equal((await verified).status(), 200);
            await modal.waitFor({ state: 'detached' });
            const fulfilled = page.waitForResponse((r) => r.url().endsWith('/fulfil') && r.request().method() === 'POST');
            await card.first().getByTestId('privacy-fulfil').click();
            await modal.locator('.ant-btn-primary').click();
            assert.equal((await fulfilled).status(), 200);
            await page.getByTestId('anonymised-customer').first().waitFor();
            await page.goto(`/contacts/${contact.id}`);
            await page.getByTestId('contact-anonymised').waitFor();
            assert.equal(await page.getByTestId('contact-name').innerText(), '已匿名客户');
            assert.equal(await page.getByTestId('contact-edit').count(), 0, 'an anonymised customer is not edited');
            await screenshot('privacy-anonymised-contact-390-zh-CN.png');
        },
        PHONE,
    ],
    [
        'an admin reads the retention review at a desk in both languages',
        async ({ page, screenshot }) => {
            await signIn(page, 'admin', 'demo1234', '/admin/privacy');
            await page.getByRole('tab', { name: '保存期限审查' }).click();
            const listed = page.waitForResponse((r) => r.url().endsWith('/retention/run') && r.request().method() === 'POST');
            await page.getByTestId('retention-run').click();
            assert.equal((await listed).status(), 200);
            await page.getByTestId('retention-reviews').waitFor();
            await checkPage(page, screenshot, 'privacy-retention-1440-zh-CN.png');
            await setLanguage(page, 'EN');
            await page.getByRole('tab', { name: 'Retention review' }).waitFor();
            await checkPage(page, screenshot, 'privacy-retention-1440-en.png');
            await setLanguage(page, '中文');
        },
    ],
];
