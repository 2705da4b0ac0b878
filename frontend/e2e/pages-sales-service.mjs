// The sales, service, loyalty, tiers and admin pages at 390 px (a phone) and 1440 px, in zh-CN and en:
// no sideways scroll, one h1, nothing critical or serious for axe-core, lists as cards on a phone that
// open the record, and an invalid form in a dialog shows its errors without an uncaught page error.
import assert from 'node:assert/strict';
import { assertNoSidewaysScroll, checkPage, PHONE, setLanguage, signIn } from './support.mjs';

const LANGUAGES = [
    ['zh-CN', '中文'],
    ['en', 'EN'],
];
const REQUIRED = { 'zh-CN': '必填', en: 'Required' };

async function widthOf(page) {
    return page.evaluate('window.innerWidth');
}

/** The rows of a ResponsiveTable: table rows on a desktop, cards on a phone. */
function rowsOf(page, testId) {
    return page
        .getByTestId(testId)
        .or(page.getByTestId(`${testId}-cards`))
        .locator('tr.ant-table-row, [data-testid=list-card]');
}

/** Opens `path`, waits for `ready` (a locator made from the page), then runs every page check. */
async function goToChecked(page, screenshot, path, ready, name, language) {
    await page.goto(path);
    await ready(page).first().waitFor();
    await checkPage(page, screenshot, `${name}-${await widthOf(page)}-${language}.png`);
}

/** Runs `visit(language)` in Chinese, then switches the header's language and runs it in English. */
async function inBothLanguages(page, visit) {
    for (const [language, label] of LANGUAGES) {
        if (language !== 'zh-CN') await setLanguage(page, label);
        await visit(language);
    }
}

/** The dialog on top refuses an empty submit: its fields say what is missing, and nothing throws. */
async function expectInvalidSubmitShown(page, language) {
    const dialog = page.locator('.ant-modal').filter({ visible: true }).last();
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.locator('.ant-form-item-explain-error', { hasText: REQUIRED[language] }).first().waitFor();
    return dialog;
}

/** On a phone a dialog covers the whole screen; nothing in it scrolls the page sideways. */
async function expectFullScreenOnPhone(page, dialog) {
    const width = await widthOf(page);
    if (width >= 768) return;
    const box = await dialog.boundingBox();
    assert.ok(box && Math.round(box.width) === width && Math.round(box.x) === 0, `dialog is ${box?.width} px wide`);
    await assertNoSidewaysScroll(page, 'the open dialog');
}

async function closeDialog(page, dialog) {
    await dialog.locator('.ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
    await dialog.waitFor({ state: 'hidden' });
}

/** Opens a new lead from the list (its card on a phone, a link; its score link on a desktop) into the drawer. */
async function openNewLead(page, language) {
    const newLead = language === 'en' ? 'New' : '新线索';
    const leads = rowsOf(page, 'lead-table');
    if ((await widthOf(page)) < 768) {
        await leads
            .filter({ hasText: `${newLead} · ` })
            .first()
            .getByRole('link')
            .click();
    } else {
        const row = leads.filter({ has: page.getByRole('cell', { name: newLead, exact: true }) });
        await row.first().locator('[data-testid=lead-score]').click();
    }
    await page.waitForURL(/[?&]lead=/);
    await page.getByTestId('score-explanation').waitFor();
    if ((await widthOf(page)) < 768) {
        const drawer = page.locator('.ant-drawer-content-wrapper');
        assert.equal(Math.round((await drawer.boundingBox()).width), 390, 'the lead drawer covers the phone');
    }
    return page.getByTestId('lead-actions');
}

/** Closes the lead drawer with the keyboard. */
async function closeLead(page, actions) {
    await page.keyboard.press('Escape');
    await actions.waitFor({ state: 'hidden' });
}

async function repPages({ page, screenshot }) {
    await signIn(page, 'rep.zhang', 'demo1234', '/leads');
    await inBothLanguages(page, async (language) => {
        await goToChecked(page, screenshot, '/leads?queue=MINE', (p) => rowsOf(p, 'lead-table'), 'leads', language);
        const actions = await openNewLead(page, language);
        await checkPage(page, screenshot, `lead-drawer-${await widthOf(page)}-${language}.png`);
        // Marking it lost without a reason is refused on the form.
        await actions.locator('button.ant-btn-dangerous').click();
        const dialog = await expectInvalidSubmitShown(page, language);
        await expectFullScreenOnPhone(page, dialog);
        await closeDialog(page, dialog);
        await closeLead(page, actions);

        await goToChecked(page, screenshot, '/loyalty', (p) => rowsOf(p, 'rewards-catalog'), 'loyalty', language);
    });
}

async function agentPages({ page, screenshot }) {
    await signIn(page, 'agent.zhao', 'demo1234', '/complaints');
    await inBothLanguages(page, async (language) => {
        const cards = (p) => p.getByTestId('complaint-board').getByTestId('complaint-card');
        await goToChecked(page, screenshot, '/complaints', cards, 'complaints', language);

        // An empty new complaint is refused on the form.
        await page.getByTestId('complaint-new').click();
        const dialog = await expectInvalidSubmitShown(page, language);
        await expectFullScreenOnPhone(page, dialog);
        await closeDialog(page, dialog);

        // The severity filter lives in the address: it survives a reload and a shared link.
        const high = language === 'en' ? 'High' : '高';
        await page.getByTestId('complaint-filter-severity').click();
        // A DOM click: under the harness's 1 ms animations the list may still be settling into place.
        await page.locator('.ant-select-item-option', { hasText: high }).dispatchEvent('click');
        await page.waitForURL(/[?&]severity=HIGH/);
        await page.reload();
        await page.getByTestId('complaint-filter-severity').getByText(high).waitFor();
        await cards(page).first().waitFor();
        const severities = await cards(page).getByTestId('complaint-severity').allInnerTexts();
        assert.ok(severities.length > 0 && severities.every((s) => s === high), severities.join(','));

        // A card opens its complaint; the step form refuses an empty answer without an uncaught error.
        await cards(page).first().click();
        await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
        await page.getByTestId('complaint-state').waitFor();
        await checkPage(page, screenshot, `complaint-${await widthOf(page)}-${language}.png`);
        const submit = page.getByTestId('step-submit');
        if (await submit.count()) {
            await submit.click();
            await page.locator('.ant-form-item-explain-error', { hasText: REQUIRED[language] }).first().waitFor();
        }

        await page.goto('/complaints?tab=stats');
        await page.getByTestId('complaint-stats').waitFor();
        await checkPage(page, screenshot, `complaint-stats-${await widthOf(page)}-${language}.png`);
    });
}

async function managerPages({ page, screenshot }) {
    await signIn(page, 'manager.wang', 'demo1234', '/tiers');
    await inBothLanguages(page, async (language) => {
        // Reassigning a lead without a new owner and a reason is refused on the form.
        await goToChecked(page, screenshot, '/leads', (p) => rowsOf(p, 'lead-table'), 'leads-manager', language);
        const actions = await openNewLead(page, language);
        await actions.getByRole('button', { name: language === 'en' ? 'Reassign' : '重新分配' }).click();
        const reassign = await expectInvalidSubmitShown(page, language);
        await expectFullScreenOnPhone(page, reassign);
        await closeDialog(page, reassign);
        await closeLead(page, actions);

        await page.goto('/loyalty');
        await page.getByRole('tab', { name: language === 'en' ? 'Points liability' : '积分负债' }).click();
        await rowsOf(page, 'points-liability').first().waitFor();
        await checkPage(page, screenshot, `loyalty-liability-${await widthOf(page)}-${language}.png`);

        const tiersReady = (p) => p.getByTestId('tier-summary-A').or(p.locator('.ant-empty'));
        await goToChecked(page, screenshot, '/tiers', tiersReady, 'tiers', language);
        const rulesReady = (p) => rowsOf(p, 'rule-table').or(p.locator('.ant-empty'));
        await goToChecked(page, screenshot, '/admin/lead-assignment', rulesReady, 'assignment', language);
        await page.getByTestId('rule-new').click();
        const dialog = await expectInvalidSubmitShown(page, language);
        await expectFullScreenOnPhone(page, dialog);
        await closeDialog(page, dialog);
    });
}

async function adminPages({ page, screenshot }) {
    await signIn(page, 'admin', 'demo1234', '/admin/users');
    await inBothLanguages(page, async (language) => {
        const usersReady = (p) => rowsOf(p, 'user-table').filter({ hasText: 'rep.zhang' });
        await goToChecked(page, screenshot, '/admin/users', usersReady, 'users', language);
        await page.getByTestId('user-new').click();
        const dialog = await expectInvalidSubmitShown(page, language);
        await expectFullScreenOnPhone(page, dialog);
        await closeDialog(page, dialog);

        await goToChecked(
            page,
            screenshot,
            '/admin/lead-scoring',
            (p) => p.getByTestId('policy-version'),
            'scoring',
            language,
        );
        // An emptied weight is refused before anything is sent.
        await page.locator('#matchWeight').fill('');
        await page.getByTestId('policy-save').click();
        await page.locator('.ant-form-item-explain-error').first().waitFor();

        await goToChecked(page, screenshot, '/loyalty', (p) => rowsOf(p, 'rewards-catalog'), 'loyalty-admin', language);
        await page.getByTestId('reward-new').click();
        const reward = await expectInvalidSubmitShown(page, language);
        await expectFullScreenOnPhone(page, reward);
        await closeDialog(page, reward);
        await page.getByRole('tab', { name: language === 'en' ? 'Points policy' : '积分规则' }).click();
        await page.getByTestId('loyalty-policy').waitFor();
        await checkPage(page, screenshot, `loyalty-policy-${await widthOf(page)}-${language}.png`);

        // The audit log: entries (or none yet), and the chain verified on request.
        const auditReady = (p) => rowsOf(p, 'audit-table').or(p.locator('.ant-empty'));
        await goToChecked(page, screenshot, '/admin/audit', auditReady, 'audit', language);
        await page.getByTestId('audit-verify').click();
        await page.locator('[data-testid=audit-verify-result].ant-alert-success').waitFor();
        await checkPage(page, screenshot, `audit-verified-${await widthOf(page)}-${language}.png`);
    });
}

export const scenarios = [
    ['a rep on a phone: lead cards open the lead, the lost dialog refuses no reason; the rewards', repPages, PHONE],
    ['a rep at a desk: the lead list and drawer, the rewards, in both languages', repPages],
    ['an agent on a phone: complaint cards, the filter in the address, a card opens the complaint', agentPages, PHONE],
    ['an agent at a desk: the complaint board, its filter and a complaint, in both languages', agentPages],
    [
        'a manager on a phone: the reassign dialog, the points liability, tiers and assignment rules',
        managerPages,
        PHONE,
    ],
    ['a manager at a desk: the reassign dialog, the points liability, tiers and assignment rules', managerPages],
    ['an admin on a phone: users, lead scoring, the rewards, the points policy and the audit log', adminPages, PHONE],
    [
        'an admin at a desk: users, lead scoring, the rewards, the points policy and the audit log, in both languages',
        adminPages,
    ],
];
