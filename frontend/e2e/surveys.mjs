// Satisfaction and NPS surveys (issue 17 item 8): a customer answers on a phone without signing in, in either
// language, and cannot answer twice; a manager reads NPS on the surveys page at a desk and on a phone.
import assert from 'node:assert/strict';
import { checkPage, PHONE, setLanguage, signIn, tokenOf } from './support.mjs';

/** A new customer of rep.zhang who agreed to be contacted, and the path of a fresh NPS invitation for them. */
async function invitationPath(page, baseUrl, name) {
    const token = await tokenOf(page, baseUrl, 'rep.zhang');
    const headers = { Authorization: `Bearer ${token}` };
    const mobile = `139${String(Date.now()).slice(-8)}`;
    const contact = await page.request.post(`${baseUrl}/api/v1/contacts`, {
        headers,
        data: { name, mobile, marketingConsent: true },
    });
    assert.equal(contact.status(), 201, await contact.text());
    const invitation = await page.request.post(
        `${baseUrl}/api/v1/contacts/${(await contact.json()).id}/survey-invitations`,
        {
            headers,
            data: { template: 'NPS' },
        },
    );
    assert.equal(invitation.status(), 201, await invitation.text());
    const link = (await invitation.json()).link;
    return link.slice(link.indexOf('/s/'));
}

async function answerScenario({ page, baseUrl, screenshot }, language) {
    const zh = language === 'zh-CN';
    const path = await invitationPath(page, baseUrl, zh ? '林小雨' : 'Emma Li');
    await page.goto(path);
    const scale = page.getByTestId('survey-scale');
    await scale.waitFor();
    // The page follows the browser's language; a Chinese name is not cut into a "first name".
    await page.getByRole('heading', { level: 1, name: zh ? /推荐/ : /recommend/ }).waitFor();
    await page.getByText(zh ? '您好：' : 'Hello Emma,').waitFor();
    assert.equal(await scale.getByRole('radio').count(), 11);
    await checkPage(page, screenshot, `survey-public-390-${language}.png`, `the public survey (${language})`);
    // Large tap targets: every score is at least 44 × 44 px on a phone.
    for (const box of await scale.getByRole('radio').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()))) {
        assert.ok(box.width >= 44 && box.height >= 44, `a score is ${box.width} × ${box.height}`);
    }
    await scale.getByRole('radio', { name: '9' }).click();
    await page.getByLabel(zh ? /还有什么/ : /Anything you would like/).fill(zh ? '老师很负责' : 'Great teachers');
    const sent = page.waitForResponse((r) => r.url().includes('/api/v1/public/') && r.request().method() === 'POST');
    await page.getByTestId('survey-submit').click();
    assert.equal((await sent).status(), 204);
    await page.getByRole('heading', { level: 1, name: zh ? '感谢您的答复！' : 'Thank you for your answer!' }).waitFor();
    await checkPage(page, screenshot, `survey-thanks-390-${language}.png`, `the thank-you page (${language})`);

    // A second answer is refused, and the link now says so.
    const again = await page.request.post(`${baseUrl}/api/v1/public/survey-invitations/${path.slice(3)}`, {
        data: { score: 2 },
    });
    assert.equal(again.status(), 409);
    assert.match(again.headers()['content-type'], /application\/problem\+json/);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: zh ? /已答复或已过期/ : /already been answered/ }).waitFor();
    await checkPage(page, screenshot, `survey-closed-390-${language}.png`, `a used survey link (${language})`);
}

async function managerScenario({ page, screenshot }, width) {
    await signIn(page, 'manager.wang', 'demo1234', '/surveys');
    await page.getByTestId('nps-overall').waitFor();
    await page.getByTestId('survey-policy').waitFor();
    await checkPage(page, screenshot, `surveys-${width}-zh-CN.png`);
    await setLanguage(page, 'EN');
    await page.getByRole('heading', { level: 1, name: 'Surveys & NPS' }).waitFor();
    await checkPage(page, screenshot, `surveys-${width}-en.png`);
    await setLanguage(page, '中文');
}

export const scenarios = [
    [
        'a customer answers an NPS survey on a phone in Chinese without signing in, once',
        (context) => answerScenario(context, 'zh-CN'),
        { ...PHONE, locale: 'zh-CN' },
    ],
    [
        'a customer answers an NPS survey on a phone in English (the browser language)',
        (context) => answerScenario(context, 'en'),
        { ...PHONE, locale: 'en-US' },
    ],
    ['a manager reads NPS on the surveys page', (context) => managerScenario(context, 1440)],
    ['the surveys page on a phone', (context) => managerScenario(context, 390), PHONE],
];
