// The pages a rep lives in (login, today, the week agenda, the bell, contacts, a customer's 360 view and
// form, sessions) at 390 px and 1440 px, in Chinese and English: no sideways scroll, one h1, nothing
// critical or serious for axe-core, a screenshot of each. On a phone also what a rep does there: the
// navigation drawer, the contact cards (masked mobile, revealed on request), the 360 view's action bar, a contact form submitted invalid.
import assert from 'node:assert/strict';
import { assertAccessible, checkPage, NAME_LINK, PHONE, setLanguage, signIn, tokenOf } from './support.mjs';

const suffix = Date.now().toString().slice(-6);
const customer = {
    name: `吕思远${suffix}`,
    mobile: `136${suffix}${Math.floor(Math.random() * 90 + 10)}`,
    wechatId: `lsy_${suffix}`,
    company: '苏州吴中精密机械有限公司',
    city: '苏州',
    email: `lsy${suffix}@example.com`,
    tags: ['华东', '老客户转介绍'],
};
const LANGUAGES = [
    ['zh-CN', '中文'],
    ['en', 'EN'],
];

/** Nothing is loading any more (a half-transparent spinner overlay would fail the contrast check). */
async function settled(page) {
    // A function, not a string: the packaged app's Content-Security-Policy forbids evaluating strings.
    await page.waitForFunction(() => !globalThis.document.querySelector('.ant-spin-spinning, .ant-skeleton-active'));
}

/** rep.zhang's own customer with a purchase and a call due today, so every card of the 360 view shows data. */
async function createCustomer(page, baseUrl) {
    const token = await tokenOf(page, baseUrl, 'rep.zhang');
    const headers = { Authorization: `Bearer ${token}` };
    const created = await page.request.post(`${baseUrl}/api/v1/contacts`, { headers, data: customer });
    assert.equal(created.status(), 201);
    const id = (await created.json()).id;
    const sale = await page.request.post(`${baseUrl}/api/v1/purchases`, {
        headers,
        data: { contactId: id, amount: 6800, channel: 'STORE', occurredAt: new Date().toISOString() },
    });
    assert.equal(sale.status(), 201);
    // Due today as the service counts days (its business time zone, not this machine's UTC date).
    const { day } = await (await page.request.get(`${baseUrl}/api/v1/today`, { headers })).json();
    const call = await page.request.post(`${baseUrl}/api/v1/activities`, {
        headers,
        data: { contactId: id, kind: 'CALL', title: `回访${customer.name}`, dueDate: day },
    });
    assert.equal(call.status(), 201);
    return id;
}

/** Opened afresh, /today is the light page (plain HTML, no antd: app/LightShell.tsx). */
async function goToToday(page) {
    await page.goto('/today');
    await page.locator('[data-light-page]').getByTestId('today-overdue').waitFor();
    await settled(page);
}

/** The light today page's language: its header's switch on a desktop; on a phone the app's drawer, then afresh. */
async function setTodayLanguage(page, label) {
    if ((await page.evaluate('window.innerWidth')) < 768) {
        await setLanguage(page, label);
        await goToToday(page);
        return;
    }
    const languages = page.getByRole('group', { name: /语言|Language/ });
    await languages.getByRole('button', { name: label, exact: true }).click();
    await languages.getByRole('button', { name: label, exact: true, pressed: true }).waitFor();
}

async function goToContact(page, id) {
    await page.goto(`/contacts/${id}`);
    await page.getByTestId('contact-name').waitFor();
    await page.getByTestId('points-statement').locator('.ant-table-tbody tr').first().waitFor();
    await settled(page);
}

async function goToContacts(page, phone) {
    await page.goto('/contacts');
    await page
        .getByTestId(phone ? 'contact-table-cards' : 'contact-table')
        .locator(phone ? '[data-testid=list-card]' : NAME_LINK)
        .first()
        .waitFor();
    await settled(page);
}

/** Opens the new-contact drawer from the contact list. */
async function openNewContact(page) {
    await page.getByRole('button', { name: /新建客户|New contact/ }).click();
    await page.locator('.ant-drawer #name').waitFor();
}

/** Saves the form with its required name left empty: the field says so and nothing throws in the page. */
async function expectInvalidContactRefused(page) {
    await page.getByTestId('contact-save').click();
    await page
        .locator('.ant-drawer .ant-form-item-explain-error')
        .getByText(/必填|Required/)
        .waitFor();
    assert.equal((await page.locator('.ant-drawer').count()) > 0, true, 'the drawer stays open');
}

/** The login page, then signed in as `username`, every page a rep uses in both languages at this width. */
async function checkRepPages(page, screenshot, width, id) {
    const phone = width < 768;
    await page.goto('/login');
    await page.locator('#username').waitFor();
    for (const [language, label] of LANGUAGES) {
        await page.getByRole('button', { name: label, exact: true }).click();
        await page
            .locator('button[type=submit]')
            .getByText(language === 'en' ? 'Sign in' : /登\s?录/)
            .waitFor();
        await checkPage(page, screenshot, `login-${width}-${language}.png`);
    }
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await signIn(page, 'rep.zhang', 'demo1234', '/today');
    for (const [language, label] of LANGUAGES) {
        await setLanguage(page, label);
        await goToToday(page);
        await checkPage(page, screenshot, `today-rep-${width}-${language}.png`);

        // The light page's switch: the app takes over and shows its week agenda.
        await page.getByTestId('today-view-week').click();
        await page.getByTestId('week-agenda').getByText(customer.name).first().waitFor();
        await settled(page);
        await checkPage(page, screenshot, `agenda-${width}-${language}.png`);

        await page.getByTestId('notification-bell').click();
        await page.getByTestId('notification-list').waitFor();
        await settled(page);
        await checkPage(page, screenshot, `notifications-${width}-${language}.png`);
        // A phone's drawer covers the bell and closes with Escape; a desktop's popover closes on the bell.
        if (phone) await page.keyboard.press('Escape');
        else await page.getByTestId('notification-bell').click();
        await page.getByTestId('notification-list').waitFor({ state: 'hidden' });

        await goToContacts(page, phone);
        await checkPage(page, screenshot, `contacts-${width}-${language}.png`);
        await openNewContact(page);
        await checkPage(page, screenshot, `contact-form-${width}-${language}.png`);
        await expectInvalidContactRefused(page);
        await page.keyboard.press('Escape');
        await page.locator('.ant-drawer #name').waitFor({ state: 'detached' });

        await goToContact(page, id);
        await checkPage(page, screenshot, `contact-360-${width}-${language}.png`);

        await page.goto('/account/sessions');
        await page.getByTestId('session-item').first().waitFor();
        await settled(page);
        await checkPage(page, screenshot, `sessions-${width}-${language}.png`);
    }
}

async function checkTodayOf(page, screenshot, username, width, ready) {
    await signIn(page, username, 'demo1234', '/today');
    for (const [language, label] of LANGUAGES) {
        await goToToday(page);
        await setTodayLanguage(page, label);
        await page.getByTestId(ready).waitFor();
        await checkPage(page, screenshot, `today-${username.split('.')[0]}-${width}-${language}.png`);
    }
}

let customerId;

export const scenarios = [
    [
        "a rep's pages on a phone: no sideways scroll, one h1, axe clean, in Chinese and English",
        async ({ page, baseUrl, screenshot }) => {
            customerId = await createCustomer(page, baseUrl);
            await checkRepPages(page, screenshot, 390, customerId);
        },
        PHONE,
    ],
    [
        "a rep's pages on a desktop: no sideways scroll, one h1, axe clean, in Chinese and English",
        async ({ page, screenshot }) => {
            await checkRepPages(page, screenshot, 1440, customerId);
        },
    ],
    [
        'on a phone a rep finds a customer by its card, calls, copies the WeChat ID and logs the call from the action bar',
        async ({ context, page, baseUrl, screenshot }) => {
            await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
            await signIn(page, 'rep.zhang', 'demo1234', '/today');

            // The navigation drawer, checked while open, leads to the contacts.
            await page.getByTestId('nav-menu').click();
            const drawer = page.getByTestId('nav-drawer');
            await drawer.getByRole('menuitem', { name: '客户' }).waitFor();
            await assertAccessible(page, 'the navigation drawer');
            await screenshot('nav-drawer-390-zh-CN.png');
            await drawer.getByRole('menuitem', { name: '客户' }).click();
            await page.waitForURL('**/contacts');

            // Filters sit in their own drawer on a phone.
            await page.getByTestId('contact-filters').click();
            await page.getByLabel('生命周期').waitFor();
            await assertAccessible(page, 'the contact filters drawer');
            await screenshot('contact-filters-390-zh-CN.png');
            await page.keyboard.press('Escape');
            await page.getByLabel('生命周期').waitFor({ state: 'hidden' });

            // The list is cards: name, company, a mobile that calls, the badges, when last contacted.
            const box = page.getByTestId('contact-search').locator('input');
            await box.fill(customer.name);
            const answered = page.waitForResponse(
                (response) => new URL(response.url()).searchParams.get('q') === customer.name,
            );
            await box.press('Enter');
            await answered;
            const cards = page.getByTestId('contact-table-cards').getByTestId('list-card');
            await cards.filter({ hasText: customer.name }).waitFor();
            assert.equal(await cards.count(), 1);
            const card = cards.first();
            assert.match(await card.innerText(), new RegExp(customer.company));
            assert.match(await card.innerText(), /尚未联系|最近联系/);
            // Lists show the mobile masked; "显示" reveals it (audited), then it calls on a tap.
            const masked = `${customer.mobile.slice(0, 3)}****${customer.mobile.slice(7)}`;
            assert.equal((await card.getByTestId('masked-mobile').innerText()).trim(), masked);
            assert.equal(await card.locator('a[href^="tel:"]').count(), 0);
            await card.getByTestId('reveal-mobile').click();
            assert.equal(await card.locator('a[href^="tel:"]').getAttribute('href'), `tel:${customer.mobile}`);
            await card.getByTestId('level-tag').waitFor();
            await card.getByRole('link', { name: customer.name }).click();
            await page.waitForURL(`**/contacts/${customerId}`);

            // The action bar comes first: call, copy WeChat, log, plan.
            const actions = page.getByTestId('contact-actions');
            await actions.waitFor();
            const barTop = (await actions.boundingBox()).y;
            const profileTop = (await page.getByText('客户档案').boundingBox()).y;
            assert.ok(barTop < profileTop, 'the action bar is above the profile');
            assert.equal(await page.getByTestId('action-call').getAttribute('href'), `tel:${customer.mobile}`);
            await page.getByTestId('action-wechat').click();
            await page.getByText(`已复制微信号 ${customer.wechatId}`).waitFor();
            assert.equal(await page.evaluate('navigator.clipboard.readText()'), customer.wechatId);

            await page.getByTestId('action-log').click();
            await page.waitForFunction(
                () => globalThis.document.activeElement?.closest('[data-testid=log-interaction]') != null,
            );
            const summary = page.getByTestId('log-interaction').locator('textarea');
            const at = await summary.boundingBox();
            assert.ok(at.y >= 0 && at.y + at.height <= 844, `the summary is on screen (at ${at.y} px)`);
            await screenshot('contact-360-log-390-zh-CN.png');
            const said = `电话沟通：下月安排工厂参观 #${suffix}`;
            await summary.fill(said);
            await page.getByTestId('log-submit').click();
            await page.getByTestId('timeline').getByText(said).waitFor();

            // Plan the next step from the bar, then find it among the customer's activities.
            await page.getByTestId('action-plan').click();
            const dialog = page.locator('.ant-modal');
            await dialog.getByLabel('标题').fill(`寄送报价单 ${suffix}`);
            await dialog.getByRole('button', { name: '新建待办' }).click();
            await page.getByTestId('contact-activities').getByText(`寄送报价单 ${suffix}`).waitFor();
            await screenshot('contact-360-actions-390-zh-CN.png');

            // The contact form: one column, the right keyboards, an invalid save refused without an error.
            await page.getByTestId('contact-edit').click();
            await page.locator('.ant-drawer #name').waitFor();
            assert.equal(await page.locator('.ant-drawer #mobile').getAttribute('inputmode'), 'tel');
            assert.equal(await page.locator('.ant-drawer #email').getAttribute('inputmode'), 'email');
            assert.equal(await page.locator('.ant-drawer #email').getAttribute('type'), 'email');
            // One column: company sits under name, left-aligned with it (measured once the drawer has stopped sliding in).
            await page.waitForFunction(() => {
                const box = (id) => globalThis.document.querySelector(`.ant-drawer #${id}`)?.getBoundingClientRect();
                const name = box('name');
                const company = box('company');
                return name && company && company.y > name.y + name.height && Math.abs(company.x - name.x) < 1;
            });
            await page.locator('.ant-drawer #name').fill('');
            await expectInvalidContactRefused(page);
            await screenshot('contact-edit-invalid-390-zh-CN.png');
        },
        PHONE,
    ],
    [
        'opened afresh, the today page paints without antd, and its first tap does what it says in the app',
        async ({ page, baseUrl, screenshot }) => {
            customerId ??= await createCustomer(page, baseUrl);
            await signIn(page, 'rep.zhang', 'demo1234', '/today');
            await goToToday(page);
            assert.equal(await page.locator('[class^="ant-"], [class*=" ant-"]').count(), 0, 'no antd element');
            // The call planned for the service's today; the earlier scenario's follow-up may fall on the same day
            // when this browser's date (UTC) is a day behind the business time zone's.
            const item = page
                .getByTestId('today-due')
                .getByTestId('activity-item')
                .filter({ hasText: `回访${customer.name}` });
            // Done: the app loads and opens its dialog on this activity.
            await item.getByRole('button', { name: /^(完成|Done)$/ }).click();
            await page
                .locator('.ant-modal')
                .getByLabel(/结果|Outcome/)
                .waitFor();
            await screenshot('today-light-done-dialog.png');
            await page.keyboard.press('Escape');
            await page.locator('.ant-modal').waitFor({ state: 'hidden' });
            // A customer's link: the app opens the 360 view, and Back returns to the day.
            await goToToday(page);
            await item.getByRole('link', { name: customer.name }).click();
            await page.waitForURL(`**/contacts/${customerId}`);
            await page.getByTestId('contact-name').waitFor();
            await page.goBack();
            await page.getByTestId('today-due').getByText(customer.name).first().waitFor();
            // Ctrl+K on the light page opens the app's search.
            await goToToday(page);
            await page.keyboard.press('Control+K');
            await page.locator('.ant-modal').getByRole('combobox').waitFor();
        },
    ],
    [
        "a manager's and an agent's today on a phone",
        async ({ page, screenshot }) => {
            await checkTodayOf(page, screenshot, 'manager.wang', 390, 'today-team-overdue');
            await page.context().clearCookies(); // ends the web session: the next sign-in starts afresh
            await checkTodayOf(page, screenshot, 'agent.zhao', 390, 'today-complaints');
        },
        PHONE,
    ],
    [
        "a manager's and an agent's today on a desktop",
        async ({ page, screenshot }) => {
            await checkTodayOf(page, screenshot, 'manager.wang', 1440, 'today-team-overdue');
            await page.context().clearCookies();
            await checkTodayOf(page, screenshot, 'agent.zhao', 1440, 'today-complaints');
        },
    ],
];
