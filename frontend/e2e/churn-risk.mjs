// Churn risk (issue 17 item 4): the at-risk list and the churn-risk card of the 360 view, at a desk and
// on a phone, in both languages. A rep's customer who bought three times last year, not since,
// has not been called for 60 days and has an open complaint is MEDIUM risk, with those reasons in words.
// The customer belongs to a rep made for the scenario, so the list holds exactly what the scenario made.
import assert from 'node:assert/strict';
import { checkPage, PHONE, setLanguage, signIn, tokenOf } from './support.mjs';

const suffix = Date.now().toString().slice(-6);
const daysAgo = (days) => new Date(Date.now() - days * 86_400_000).toISOString();

const PASSWORD = 'Churn-Risk-2026!x';

async function newRep(page, baseUrl, username) {
    const admin = { Authorization: `Bearer ${await tokenOf(page, baseUrl, 'admin')}` };
    const created = await page.request.post(`${baseUrl}/api/v1/users`, {
        headers: admin,
        data: { username, displayName: `流失测试${username.slice(-4)}`, password: PASSWORD, roles: ['SALES_REP'] },
    });
    assert.equal(created.status(), 201);
    const login = await page.request.post(`${baseUrl}/api/v1/auth/token`, { data: { username, password: PASSWORD } });
    return { Authorization: `Bearer ${(await login.json()).access_token}` };
}

async function atRiskCustomer(page, baseUrl, username, name) {
    const rep = await newRep(page, baseUrl, username);
    const manager = { Authorization: `Bearer ${await tokenOf(page, baseUrl, 'manager.wang')}` };
    const created = await page.request.post(`${baseUrl}/api/v1/contacts`, {
        headers: rep,
        data: { name, mobile: `137${suffix}${Math.floor(Math.random() * 90 + 10)}` },
    });
    assert.equal(created.status(), 201);
    const id = (await created.json()).id;
    for (const days of [200, 250, 300]) {
        const sale = await page.request.post(`${baseUrl}/api/v1/purchases`, {
            headers: rep,
            data: { contactId: id, amount: 2980, channel: 'STORE', occurredAt: daysAgo(days) },
        });
        assert.equal(sale.status(), 201);
    }
    const call = await page.request.post(`${baseUrl}/api/v1/contacts/${id}/interactions`, {
        headers: rep,
        data: { channel: 'PHONE', direction: 'OUTBOUND', summary: '回访', occurredAt: daysAgo(60) },
    });
    assert.equal(call.status(), 201);
    const complaint = await page.request.post(`${baseUrl}/api/v1/complaints`, {
        headers: manager,
        data: {
            contactId: id,
            channel: 'HOTLINE',
            category: 'LOGISTICS',
            severity: 'HIGH',
            description: '教材晚到两周',
        },
    });
    assert.equal(complaint.status(), 201);
    // Everyone else is scored by the nightly run; here an admin runs it now.
    const admin = { Authorization: `Bearer ${await tokenOf(page, baseUrl, 'admin')}` };
    const job = await page.request.post(`${baseUrl}/api/v1/churn/risk/recompute`, { headers: admin });
    assert.ok([202, 409].includes(job.status()), `recompute answered ${job.status()}`);
    const risk = await page.request.get(`${baseUrl}/api/v1/contacts/${id}/churn-risk`, { headers: rep });
    assert.equal(risk.status(), 200);
    assert.equal((await risk.json()).level, 'MEDIUM');
    return id;
}

async function scenario({ page, baseUrl, screenshot }, width) {
    const name = `流失预警${suffix}${width}`;
    const username = `churn.${suffix}.${width}`;
    const id = await atRiskCustomer(page, baseUrl, username, name);
    const phone = width < 768;
    await signIn(page, username, PASSWORD, '/at-risk?level=MEDIUM');
    const list = page.getByTestId(phone ? 'at-risk-list-cards' : 'at-risk-list');
    const row = list.locator(phone ? '[data-testid="list-card"]' : 'tr', { hasText: name });
    await row.waitFor();
    assert.match(await row.innerText(), /有未结投诉（严重程度：高）/);
    assert.match(await row.innerText(), /中风险/);
    await checkPage(page, screenshot, `at-risk-${width}-zh-CN.png`);
    await setLanguage(page, 'EN');
    await row.getByText('An open complaint (severity: High)').waitFor();
    await checkPage(page, screenshot, `at-risk-${width}-en.png`);

    await page.goto(`/contacts/${id}`);
    const card = page.getByTestId('churn-risk-card');
    await card.getByTestId('churn-risk-level').getByText('Medium risk').waitFor();
    await card.getByText(/No contact for 60 days/).waitFor();
    await card.getByText('0 purchases in the last 90 days, 3 in the year before').waitFor();
    await card.scrollIntoViewIfNeeded();
    await checkPage(page, screenshot, `churn-risk-card-${width}-en.png`);
    await setLanguage(page, '中文');
    await card.getByTestId('churn-risk-level').getByText('中风险').waitFor();
    await card.getByText(/已 60 天未联系/).waitFor();
    await checkPage(page, screenshot, `churn-risk-card-${width}-zh-CN.png`);
}

export const scenarios = [
    ['a rep sees who is at risk and why, and the churn risk on the 360 view', (context) => scenario(context, 1440)],
    ['the at-risk list and the churn-risk card on a phone', (context) => scenario(context, 390), PHONE],
];
