// Analytics (issue 18): a manager reads a section at a desk and on a phone in both languages, opens the
// rows behind a number (as many as the number says) and takes them away as a spreadsheet.
import assert from 'node:assert/strict';
import { checkPage, PHONE, setLanguage, signIn } from './support.mjs';

/** The number on a card, as the page shows it (digits only). */
async function cardNumber(page, code) {
    const text = await page.getByTestId(`analytics-card-${code}`).locator('a, div').nth(1).innerText();
    return Number(text.replace(/[^\d]/g, ''));
}

async function lifecycleScenario({ page, screenshot }, width) {
    await signIn(page, 'manager.wang', 'demo1234', '/analytics/LIFECYCLE?period=THIS_YEAR');
    await page.getByTestId('analytics-section-LIFECYCLE').waitFor();
    await page.getByTestId('analytics-table-lifecycle.stages').locator('canvas').waitFor();
    await checkPage(page, screenshot, `analytics-lifecycle-${width}-zh-CN.png`);
    await setLanguage(page, 'EN');
    await page.getByTestId('analytics-card-lifecycle.newCustomers').getByText('New customers').waitFor();
    await checkPage(page, screenshot, `analytics-lifecycle-${width}-en.png`);
    await setLanguage(page, '中文');
}

export const scenarios = [
    ['a manager reads the lifecycle section', (context) => lifecycleScenario(context, 1440)],
    ['the lifecycle section on a phone', (context) => lifecycleScenario(context, 390), PHONE],
    [
        'a manager opens the customers behind a number and exports them',
        async ({ page, screenshot }) => {
            await signIn(page, 'manager.wang', 'demo1234', '/analytics/LIFECYCLE?period=THIS_YEAR');
            const card = page.getByTestId('analytics-card-lifecycle.newCustomers');
            await card.waitFor();
            const shown = await cardNumber(page, 'lifecycle.newCustomers');
            assert.ok(shown > 0, 'the demo created customers this year');
            await card.getByRole('link').click();
            await page.waitForURL(/\/analytics\/LIFECYCLE\/drill\/lifecycle\.newCustomers\?period=THIS_YEAR/);
            await page.getByTestId('analytics-drill-title').getByText('新建客户').waitFor();
            await page.getByTestId('analytics-drill-list').locator('.ant-table-row').first().waitFor();
            const total = await page.getByTestId('analytics-drill-total').innerText();
            assert.equal(
                Number(total.replace(/[^\d]/g, '')),
                shown,
                'the rows behind the number are as many as the number',
            );
            await checkPage(page, screenshot, 'analytics-drill-1440-zh-CN.png');
            const [download] = await Promise.all([
                page.waitForEvent('download'),
                page.getByTestId('analytics-drill-export-xlsx').click(),
            ]);
            assert.match(
                download.suggestedFilename(),
                /^analytics-lifecycle\.newCustomers-\d{4}-01-01_\d{4}-12-31\.xlsx$/,
            );
            await page.getByTestId('analytics-drill-back').click();
            await page.getByTestId('analytics-section-LIFECYCLE').waitFor();
        },
    ],
];

// Done when (issue 18): the manager ranks the reps by "contacted within 24 h", opens the worst one's rate,
// lands on that rep's leads not contacted within 24 h and takes them away as an Excel file.
scenarios.push([
    'a manager opens the worst rep’s leads not contacted within 24 h and exports them',
    async ({ page, screenshot }) => {
        await signIn(page, 'manager.wang', 'demo1234', '/analytics/REPS?period=THIS_YEAR');
        const table = page.getByTestId('analytics-table-reps.efficiency');
        await table.locator('.ant-table-row').first().waitFor();
        await checkPage(page, screenshot, 'analytics-reps-1440-zh-CN.png');
        // Ascending by the 24 h rate: the worst rep first.
        await table.getByRole('columnheader', { name: /24 小时内联系率|24 h rate/ }).click();
        const worst = table.locator('.ant-table-row').first();
        const rep = (await worst.locator('td').first().innerText()).trim();
        await worst.locator('a[href*="reps.notContactedWithin24h"]').click();
        await page.waitForURL(
            /\/analytics\/REPS\/drill\/reps\.notContactedWithin24h\?period=THIS_YEAR&key=[0-9a-f-]{36}/,
        );
        const list = page.getByTestId('analytics-drill-list');
        await list.locator('.ant-table-row').first().waitFor();
        const owners = await list.locator('.ant-table-row td:nth-child(3)').allInnerTexts();
        assert.ok(owners.length > 0 && owners.every((owner) => owner === rep), `every lead is ${rep}'s: ${owners}`);
        await checkPage(page, screenshot, 'analytics-reps-missed-1440-zh-CN.png');
        const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByTestId('analytics-drill-export-xlsx').click(),
        ]);
        assert.match(download.suggestedFilename(), /^analytics-reps\.notContactedWithin24h-[0-9a-f-]{36}-.*\.xlsx$/);
    },
]);
