// Personal data (issue 19): a rep records a customer's objection to profiling on a phone and the scores say so;
// an admin handles a deletion request on a phone — verify, fulfil — and the contact shows as anonymised; the
// audit log shows who opened that customer and the chain verifies; the retention review in both languages.
import assert from 'node:assert/strict';
import { checkPage, PHONE, setLanguage, signIn, tokenOf } from './support.mjs';

async function deletionRequested(page, baseUrl) {
    const token = await tokenOf(page, baseUrl, 'admin');
    const auth = { Authorization: `Bearer ${token}` };
    const contacts = await (
        await page.request.get(`${baseUrl}/api/v1/contacts?size=1&sort=name,desc`, { headers: auth })
    ).json();
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
        'a rep records an objection to profiling on a phone and the explanation says the customer is not scored',
        async ({ page, screenshot, baseUrl }) => {
            const token = await tokenOf(page, baseUrl, 'rep.zhang');
            const contacts = await (
                await page.request.get(`${baseUrl}/api/v1/contacts?size=1&sort=name,asc`, {
                    headers: { Authorization: `Bearer ${token}` },
                })
            ).json();
            const contact = contacts.items[0];
            await signIn(page, 'rep.zhang', 'demo1234', `/contacts/${contact.id}`);
            const card = page.getByTestId('consent-card');
            await card.scrollIntoViewIfNeeded();
            await page.getByTestId('consent-status-PROFILING').waitFor();
            const recorded = page.waitForResponse(
                (r) => r.url().endsWith(`/contacts/${contact.id}/consents`) && r.request().method() === 'POST',
            );
            await page.getByTestId('consent-action-PROFILING').click();
            const modal = page.locator('.ant-modal');
            await modal.getByTestId('consent-evidence').fill('客户电话中表示不希望被自动评分');
            await modal.locator('.ant-btn-primary').click();
            assert.equal((await recorded).status(), 201);
            await modal.waitFor({ state: 'detached' });
            assert.equal(await page.getByTestId('consent-status-PROFILING').innerText(), '已撤回/反对');
            await page.getByTestId('explain-scores').click();
            await page.getByTestId('not-scored-at-request').waitFor();
            await checkPage(page, screenshot, 'consent-objection-390-zh-CN.png');
        },
        PHONE,
    ],
    [
        'an admin fulfils a deletion request on a phone and the customer shows as anonymised',
        async ({ page, screenshot, baseUrl }) => {
            const contact = await deletionRequested(page, baseUrl);
            await signIn(page, 'admin', 'demo1234', '/admin/privacy');
            const card = page.getByTestId('list-card').filter({ hasText: contact.name });
            await card.first().waitFor();
            await checkPage(page, screenshot, 'privacy-requests-390-zh-CN.png');
            const modal = page.locator('.ant-modal');
            const verified = page.waitForResponse(
                (r) => r.url().endsWith('/verify') && r.request().method() === 'POST',
            );
            await card.first().getByTestId('privacy-verify').click();
            await modal.getByTestId('privacy-step-text').fill('核对身份证后四位');
            await modal.locator('.ant-btn-primary').click();
            assert.equal((await verified).status(), 200);
            await modal.waitFor({ state: 'detached' });
            const fulfilled = page.waitForResponse(
                (r) => r.url().endsWith('/fulfil') && r.request().method() === 'POST',
            );
            await card.first().getByTestId('privacy-fulfil').click();
            await modal.locator('.ant-btn-primary').click();
            assert.equal((await fulfilled).status(), 200);
            await page.getByTestId('anonymised-customer').first().waitFor();
            await page.goto(`/contacts/${contact.id}`);
            await page.getByTestId('contact-anonymised').waitFor();
            assert.equal(await page.getByTestId('contact-name').innerText(), '已匿名客户');
            assert.equal(await page.getByTestId('contact-edit').count(), 0, 'an anonymised customer is not edited');
            await screenshot('privacy-anonymised-contact-390-zh-CN.png');
            // The auditor's view: who opened this customer and what was done, and the chain still verifies.
            await page.goto('/admin/audit');
            await page.getByTestId('audit-customer').fill(contact.id);
            await page.getByTestId('audit-card').filter({ hasText: '匿名' }).first().waitFor();
            await page.getByTestId('audit-verify').click();
            await page.getByTestId('audit-verify-result').waitFor();
            await checkPage(page, screenshot, 'audit-customer-390-zh-CN.png');
        },
        PHONE,
    ],
    [
        'an admin reads the retention review at a desk in both languages',
        async ({ page, screenshot }) => {
            await signIn(page, 'admin', 'demo1234', '/admin/privacy');
            await page.getByRole('tab', { name: '保存期限审查' }).click();
            const listed = page.waitForResponse(
                (r) => r.url().endsWith('/retention/run') && r.request().method() === 'POST',
            );
            await page.getByTestId('retention-run').click();
            assert.equal((await listed).status(), 200);
            await page.getByTestId('retention-reviews').waitFor();
            // axe reads colours: wait until the button is no longer dimmed by its loading state
            await page.locator('[data-testid=retention-run]:not(.ant-btn-loading)').waitFor();
            await checkPage(page, screenshot, 'privacy-retention-1440-zh-CN.png');
            await setLanguage(page, 'EN');
            await page.getByRole('tab', { name: 'Retention review' }).waitFor();
            await checkPage(page, screenshot, 'privacy-retention-1440-en.png');
            await setLanguage(page, '中文');
        },
    ],
];
