// PDCA win-back plans (issue 17): a manager plans and starts one at a desk; a rep records outcomes on a
// phone; the manager checks the result and opens the next cycle; every page at both widths in both languages.
import assert from 'node:assert/strict';
import { checkPage, PHONE, setLanguage, signIn, tokenOf } from './support.mjs';

/** A plan started for three of rep.zhang's customers, made through the API as a manager. */
async function startedPlan(page, baseUrl, name) {
    const repToken = await tokenOf(page, baseUrl, 'rep.zhang');
    const managerToken = await tokenOf(page, baseUrl, 'manager.wang');
    const contacts = await (
        await page.request.get(`${baseUrl}/api/v1/contacts?size=3&sort=name,asc`, {
            headers: { Authorization: `Bearer ${repToken}` },
        })
    ).json();
    const manager = await (
        await page.request.get(`${baseUrl}/api/v1/users?role=MANAGER&size=1`, {
            headers: { Authorization: `Bearer ${managerToken}` },
        })
    ).json();
    const created = await page.request.post(`${baseUrl}/api/v1/winback-plans`, {
        headers: { Authorization: `Bearer ${managerToken}` },
        data: {
            name,
            goalPercent: 30,
            goalDays: 60,
            actions: '逐一致电，了解原因，邀请参加会员日',
            script: '您好，好久不见……',
            ownerId: manager.items[0].id,
            checkDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
            contactIds: contacts.items.map((c) => c.id),
        },
    });
    assert.equal(created.status(), 201);
    const plan = await created.json();
    const started = await page.request.post(`${baseUrl}/api/v1/winback-plans/${plan.id}/start`, {
        headers: { Authorization: `Bearer ${managerToken}`, 'If-Match': '"0"' },
    });
    assert.equal(started.status(), 200);
    return plan.id;
}

export const scenarios = [
    [
        'a manager plans a win-back from the board and starts it',
        async ({ page, baseUrl, screenshot }) => {
            const repToken = await tokenOf(page, baseUrl, 'rep.zhang');
            const [customer] = (
                await (
                    await page.request.get(`${baseUrl}/api/v1/contacts?size=1&sort=name,asc`, {
                        headers: { Authorization: `Bearer ${repToken}` },
                    })
                ).json()
            ).items;
            await signIn(page, 'manager.wang', 'demo1234', '/winback');
            await page.getByTestId('winback-board').waitFor();
            await page.getByTestId('winback-new').click();
            const form = page.getByTestId('winback-plan-form');
            await form.getByLabel('名称').fill('十一月流失客户挽回');
            await form.getByLabel('行动').fill('逐一致电，了解流失原因');
            const customers = page.getByTestId('winback-customers');
            await customers.click();
            await page.keyboard.type(customer.name);
            const option = page.locator('.ant-select-item-option', { hasText: customer.name }).first();
            await option.waitFor();
            await option.dispatchEvent('click');
            await page.keyboard.press('Escape');
            const [saved] = await Promise.all([
                page.waitForResponse(
                    (r) => r.url().endsWith('/api/v1/winback-plans') && r.request().method() === 'POST',
                ),
                page
                    .locator('.ant-modal')
                    .getByRole('button', { name: /^保\s?存$/ })
                    .click(),
            ]);
            assert.equal(saved.status(), 201);
            await page.waitForURL(/\/winback\/[0-9a-f-]{36}$/);
            await page.getByTestId('winback-state').getByText('计划').waitFor();
            await page.getByTestId('winback-START').click();
            const [started] = await Promise.all([
                page.waitForResponse((r) => r.url().endsWith('/start')),
                page.locator('.ant-popconfirm .ant-btn-primary').dispatchEvent('click'),
            ]);
            assert.equal(started.status(), 200);
            await page.getByTestId('winback-state').getByText('执行').waitFor();
            await page.getByTestId('winback-history').getByText('执行').waitFor();
            await checkPage(page, screenshot, 'winback-plan-1440-zh-CN.png');
            await page.goto('/winback');
            await page.getByTestId('winback-plan').first().waitFor();
            await checkPage(page, screenshot, 'winback-board-1440-zh-CN.png');
            await setLanguage(page, 'EN');
            await page.getByRole('heading', { name: 'Win-back plans' }).waitFor();
            await checkPage(page, screenshot, 'winback-board-1440-en.png');
            await setLanguage(page, '中文');
        },
    ],
    [
        'a rep records what a win-back call came to on a phone; the manager checks and acts',
        async ({ page, baseUrl, screenshot }) => {
            const id = await startedPlan(page, baseUrl, `挽回 ${Date.now().toString().slice(-5)}`);
            await signIn(page, 'rep.zhang', 'demo1234', `/winback/${id}`);
            const cards = page.getByTestId('winback-targets-cards');
            await cards.getByTestId('list-card').first().waitFor();
            await checkPage(page, screenshot, 'winback-plan-390-zh-CN.png');
            // A rep sees the plan but does not move it.
            assert.equal(await page.getByTestId('winback-moves').count(), 0);
            await cards.getByTestId('winback-outcome').first().click();
            const [recorded] = await Promise.all([
                page.waitForResponse((r) => r.url().endsWith('/outcome')),
                page.locator('.ant-select-item-option', { hasText: '已预约' }).dispatchEvent('click'),
            ]);
            assert.equal(recorded.status(), 200);
            await page.getByTestId('winback-figures').getByText('已预约 1').waitFor();
            // The outcome's dropdown may still hold the focus: a tap elsewhere would only close it.
            await page.keyboard.press('Escape');
            await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
            await setLanguage(page, 'EN');
            await page.getByTestId('winback-figures').getByText('Booked a visit 1').waitFor();
            await checkPage(page, screenshot, 'winback-plan-390-en.png');
            await page.goto('/winback');
            await page.getByTestId('winback-board').waitFor();
            await checkPage(page, screenshot, 'winback-board-390-en.png');
        },
        PHONE,
    ],
    [
        'a manager checks a plan on a phone and opens the next cycle',
        async ({ page, baseUrl, screenshot }) => {
            const id = await startedPlan(page, baseUrl, `挽回 ${Date.now().toString().slice(-5)}`);
            await signIn(page, 'manager.wang', 'demo1234', `/winback/${id}`);
            await page.getByTestId('winback-CHECK').click();
            const [checked] = await Promise.all([
                page.waitForResponse((r) => r.url().endsWith('/check')),
                page.locator('.ant-popconfirm .ant-btn-primary').dispatchEvent('click'),
            ]);
            assert.equal(checked.status(), 200);
            await page.getByTestId('winback-ACT').click();
            const dialog = page.locator('.ant-modal');
            await dialog.getByLabel('话术调整').fill('先问服务体验，再谈优惠');
            await dialog.getByLabel('下一轮检查日期').click();
            await page.locator('.ant-picker-dropdown .ant-picker-header-next-btn').dispatchEvent('click');
            await page.locator('.ant-picker-dropdown td.ant-picker-cell-in-view').nth(14).dispatchEvent('click');
            const [acted] = await Promise.all([
                page.waitForResponse((r) => r.url().endsWith('/act')),
                dialog.getByRole('button', { name: /^改\s?进$/ }).click(),
            ]);
            assert.equal(acted.status(), 200);
            await page.getByTestId('winback-changes').getByText('先问服务体验，再谈优惠').waitFor();
            await page.getByRole('link', { name: '下一轮' }).click();
            await page.getByText('第 2 轮').first().waitFor();
            await checkPage(page, screenshot, 'winback-next-cycle-390-zh-CN.png');
        },
        PHONE,
    ],
    [
        "a manager starts a win-back plan from last month's churn review",
        async ({ page }) => {
            await signIn(page, 'manager.wang', 'demo1234', '/churn');
            await page.getByTestId('churn-winback').click();
            const form = page.getByTestId('winback-plan-form');
            await form.getByLabel('名称').fill('上月流失客户挽回');
            await form.getByLabel('行动').fill('逐一致电，了解流失原因');
            const [saved] = await Promise.all([
                page.waitForResponse(
                    (r) => r.url().endsWith('/api/v1/winback-plans') && r.request().method() === 'POST',
                ),
                page
                    .locator('.ant-modal')
                    .getByRole('button', { name: /^保\s?存$/ })
                    .click(),
            ]);
            assert.equal(saved.status(), 201);
            const plan = await saved.json();
            assert.equal(plan.source, 'CHURN_REVIEW');
            assert.ok(plan.progress.targets > 0, 'the review month has churned customers');
            await page.waitForURL(`**/winback/${plan.id}`);
            await page.getByTestId('winback-targets').locator('tbody tr').first().waitFor();
        },
    ],
];
