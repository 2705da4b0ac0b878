// What every scenario file shares: signing in, the language switch, and the checks each main page
// must pass at every width (no sideways scroll, no critical or serious axe-core violation).
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';

/**
 * The name link of each row of the contact table: its first column, after the selection checkbox where the
 * list offers bulk actions.
 */
export const NAME_LINK =
    '.ant-table-tbody tr td.ant-table-selection-column + td a, .ant-table-tbody tr td:first-child:not(.ant-table-selection-column) a';

/** A phone held upright (iPhone 12–15 class), as the issue measured it. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Signs in (everyone who works on customers lands on the today page), then opens `landing`. */
export async function signIn(page, username, password = 'demo1234', landing = '/contacts') {
    await page.goto('/login');
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await page.locator('button[type=submit]').click();
    await page.waitForURL('**/today');
    await page.getByTestId('user-menu').waitFor();
    if (landing !== '/today') {
        await page.goto(landing);
        // The page load renewed the session (a rotated refresh cookie): let that answer arrive before
        // anything navigates again, as a person would.
        await page.getByTestId('user-menu').waitFor();
    }
}

export async function tokenOf(page, baseUrl, username) {
    const login = await page.request.post(`${baseUrl}/api/v1/auth/token`, {
        data: { username, password: 'demo1234' },
    });
    return (await login.json()).access_token;
}

/** Switches the language with the header's switch (on a phone it sits in the navigation drawer). */
export async function setLanguage(page, label) {
    const phone = (await page.evaluate('window.innerWidth')) < 768;
    if (phone) await page.getByTestId('nav-menu').click();
    await page.locator('.ant-segmented-item', { hasText: label }).first().click();
    if (phone) await page.keyboard.press('Escape');
}

/** The page is exactly as wide as the window: nothing scrolls sideways. */
export async function assertNoSidewaysScroll(page, what) {
    const [scrollWidth, innerWidth] = await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]');
    assert.equal(scrollWidth, innerWidth, `${what} is ${scrollWidth} px wide in a ${innerWidth} px window`);
}

/** axe-core (WCAG 2.1 A and AA rules) finds nothing critical or serious on the page as it is now. */
export async function assertAccessible(page, what) {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
    assert.deepEqual(
        bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`),
        [],
        `axe-core on ${what}`,
    );
}

/** One h1 names the page (screen readers jump by headings). */
export async function assertOneHeading(page, what) {
    assert.equal(await page.locator('h1').count(), 1, `${what} has exactly one h1`);
}

/** Every check a main page must pass, then its screenshot. */
export async function checkPage(page, screenshot, file, what = file) {
    await assertNoSidewaysScroll(page, what);
    await assertOneHeading(page, what);
    await assertAccessible(page, what);
    await screenshot(file);
}
