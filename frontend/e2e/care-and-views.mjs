// The care calendar (issue 17) and saved views placed in the list pages (issue 16 item 6), at a desk and
// on a phone, in both languages.
import assert from 'node:assert/strict';
import { checkPage, PHONE, setLanguage, signIn } from './support.mjs';

/** Opens the care page and moves to 2027, the year whose 春节 astronomical calendars get wrong. */
async function careIn2027(page) {
    await page.goto('/care');
    await page.getByTestId('care-holidays').getByTestId('holiday').first().waitFor();
    const year = new Date().getFullYear();
    for (let y = year; y < 2027; y++) await page.getByRole('button', { name: /下一年|Next year/ }).click();
    for (let y = year; y > 2027; y--) await page.getByRole('button', { name: /上一年|Previous year/ }).click();
    await page.getByTestId('care-holidays').getByText(/2027/).first().waitFor();
}

async function careScenario({ page, screenshot }, width) {
    await signIn(page, 'manager.wang', 'demo1234', '/care');
    await careIn2027(page);
    const spring = page.getByTestId('holiday').filter({ hasText: '春节' });
    assert.match(await spring.innerText(), /2027年2月6日/);
    assert.match(await spring.innerText(), /农历1月1日/);
    await page.getByTestId('care-policy').getByText('亲自致电').waitFor();
    await checkPage(page, screenshot, `care-${width}-zh-CN.png`);
    await setLanguage(page, 'EN');
    await page.getByTestId('holiday').filter({ hasText: 'Spring Festival' }).getByText('Feb 6, 2027').waitFor();
    await checkPage(page, screenshot, `care-${width}-en.png`);
    await setLanguage(page, '中文');
}

export const scenarios = [
    [
        'a manager reads the care calendar: 春节 2027 on 6 February, and the care policy',
        (context) => careScenario(context, 1440),
    ],
    ['the care calendar on a phone', (context) => careScenario(context, 390), PHONE],
    [
        'an admin changes the care policy; an invalid one is refused without a page error',
        async ({ page }) => {
            await signIn(page, 'admin', 'demo1234', '/care');
            const policy = page.getByTestId('care-policy');
            const days = policy.getByLabel('提前天数');
            await days.fill('');
            await policy.getByRole('button', { name: '保存为新版本' }).click();
            await policy.getByText('必填').first().waitFor();
            await days.fill('5');
            const saved = page.waitForResponse(
                (r) => r.url().endsWith('/api/v1/care/policy') && r.request().method() === 'PUT',
            );
            await policy.getByRole('button', { name: '保存为新版本' }).click();
            assert.equal((await saved).status(), 200);
            await page.getByText(/已保存为第 \d+ 版/).waitFor();
        },
    ],
    [
        'a rep saves the filtered contact list as a view and opens it again later',
        async ({ page, screenshot }) => {
            await signIn(page, 'rep.zhang', 'demo1234', '/contacts?region=EAST');
            const views = page.getByTestId('saved-views-contacts');
            await views.waitFor();
            await views.getByTestId('saved-views-save').click();
            const name = `华东客户 ${Date.now().toString().slice(-5)}`;
            await page.locator('.ant-modal').getByLabel('名称').fill(name);
            const created = page.waitForResponse(
                (r) => r.url().endsWith('/api/v1/views') && r.request().method() === 'POST',
            );
            await page
                .locator('.ant-modal')
                .getByRole('button', { name: /^保\s?存$/ })
                .click();
            assert.equal((await created).status(), 201);

            await page.goto('/contacts?region=NORTH');
            await page.getByTestId('saved-views-contacts').waitFor();
            await page.getByTestId('saved-views-select').click();
            // A DOM click: under the harness's 1 ms animations antd may leave the popup off-screen.
            await page.locator('.ant-select-item-option', { hasText: name }).dispatchEvent('click');
            await page.waitForURL(/region=EAST/);
            assert.doesNotMatch(page.url(), /NORTH/);
            // The page follows the address: the filter says 华东, and so does every row once the list has reloaded.
            await page.locator('.ant-select', { has: page.locator('[aria-label="区域"]'), hasText: '华东' }).waitFor();
            await page.waitForFunction(() => {
                const rows = [
                    ...globalThis.document.querySelectorAll('[data-testid=contact-table] tbody tr.ant-table-row'),
                ];
                return rows.length > 0 && rows.every((row) => row.innerText.includes('华东'));
            });
            await screenshot('saved-views-1440-zh-CN.png');

            // A view without a search text empties the search box, which had kept what was typed before.
            await page.goto('/contacts?q=%E5%BC%A0');
            await page.getByTestId('saved-views-contacts').waitFor();
            await page.getByTestId('saved-views-select').click();
            await page.locator('.ant-select-item-option', { hasText: name }).dispatchEvent('click');
            await page.waitForURL(/region=EAST/);
            await page.waitForFunction(
                () => globalThis.document.querySelector('[data-testid=contact-search] input')?.value === '',
            );
        },
    ],
];
