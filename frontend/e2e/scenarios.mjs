import assert from 'node:assert/strict';

const suffix = Date.now().toString().slice(-6);
const mobile = `137${suffix}${Math.floor(Math.random() * 90 + 10)}`;
const name = '张伟琪';
let createdId;

async function signIn(page, username, password = 'demo1234') {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL('**/contacts');
}

async function setLanguage(page, label) {
  await page.locator('.ant-segmented-item', { hasText: label }).first().click();
}

async function search(page, text) {
  const box = page.getByTestId('contact-search').locator('input');
  await box.fill(text);
  const answered = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/v1/contacts' && url.searchParams.get('q') === text;
  });
  await box.press('Enter');
  await answered;
  await page.getByTestId('contact-table').locator('.ant-spin-spinning').waitFor({ state: 'detached' });
}

async function tableNames(page) {
  await page.getByTestId('contact-table').locator('.ant-table-tbody').waitFor();
  return page.getByTestId('contact-table').locator('.ant-table-tbody tr td:first-child a').allInnerTexts();
}

async function fillContactForm(page, values) {
  for (const [label, value] of Object.entries(values)) {
    await page.locator('.ant-drawer').getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByTestId('contact-save').click();
}

export const scenarios = [
  ['a rep creates a contact and lands on its 360 view', async ({ page, screenshot }) => {
    await signIn(page, 'rep.zhang');
    await page.getByTestId('contact-table').locator('.ant-table-tbody tr td:first-child a').first().waitFor();
    await screenshot('contacts-zh-CN.png');
    await page.getByRole('button', { name: '新建客户' }).click();
    await fillContactForm(page, { 姓名: name, 手机: mobile, 公司: '杭州云栖科技有限公司', 城市: '杭州' });
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    createdId = page.url().split('/').pop();
    assert.equal(await page.getByTestId('contact-name').innerText(), name);
    await screenshot('contact-360-zh-CN.png');
  }],

  ['the same mobile again shows the duplicate warning, which opens the existing contact', async ({ page, screenshot }) => {
    await signIn(page, 'rep.zhang');
    await page.getByRole('button', { name: '新建客户' }).click();
    await fillContactForm(page, { 姓名: '张伟琪二号', 手机: `+86 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}` });
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /已有客户使用该手机号/);
    await screenshot('duplicate-warning-zh-CN.png');
    await page.getByRole('button', { name: '打开已有客户' }).click();
    await page.waitForURL(`**/contacts/${createdId}`);
    assert.equal(await page.getByTestId('contact-name').innerText(), name);
  }],

  ['search finds the contact by a Chinese substring and by pinyin', async ({ page }) => {
    await signIn(page, 'rep.zhang');
    await search(page, '张伟');
    assert.ok((await tableNames(page)).includes(name), 'found by 张伟');
    await search(page, 'zhangweiqi');
    assert.deepEqual(await tableNames(page), [name]);
    await search(page, 'zwq');
    assert.ok((await tableNames(page)).includes(name), 'found by initials zwq');
  }],

  ['logging an interaction puts it on the timeline', async ({ page, screenshot }) => {
    await signIn(page, 'rep.zhang');
    await page.goto(`/contacts/${createdId}`);
    const summary = `电话回访：确认下周三上门演示 #${suffix}`;
    await page.getByTestId('log-interaction').locator('textarea').fill(summary);
    await page.getByTestId('log-submit').click();
    await page.getByTestId('timeline').getByText(summary).waitFor();
    await screenshot('contact-360-with-interaction-zh-CN.png');
  }],

  ['the app speaks English when asked, and remembers it', async ({ page, screenshot }) => {
    await signIn(page, 'rep.zhang');
    await setLanguage(page, 'EN');
    await page.getByRole('button', { name: 'New contact' }).waitFor();
    await page.getByTestId('contact-table').locator('.ant-table-tbody tr td:first-child a').first().waitFor();
    await screenshot('contacts-en.png');
    await page.goto(`/contacts/${createdId}`);
    await page.getByText('Profile completeness').waitFor();
    await screenshot('contact-360-en.png');
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.locator('.ant-drawer').getByText('Edit contact').waitFor();
    await screenshot('contact-edit-en.png');
  }],

  ['another rep neither finds nor opens that contact', async ({ page, screenshot }) => {
    await signIn(page, 'rep.li');
    await search(page, name);
    assert.deepEqual(await tableNames(page), []);
    await page.goto(`/contacts/${createdId}`);
    await page.getByText('该记录不存在，或您无权查看。').waitFor();
    await screenshot('not-visible-zh-CN.png');
  }],

  ['a manager sees every rep\'s contacts with their owners; an admin manages users', async ({ page, screenshot }) => {
    await signIn(page, 'manager.wang');
    await search(page, name);
    assert.deepEqual(await tableNames(page), [name]);
    assert.ok(await page.getByTestId('contact-table').getByText('张晓明').count() > 0, 'owner column shows the rep');
    await signIn(page, 'admin');
    await page.goto('/admin/users');
    await page.getByText('rep.zhang').waitFor();
    await screenshot('users-zh-CN.png');
  }],

  ['a rep opens the lead inbox and reads how a score was reached', async ({ page, baseUrl, screenshot }) => {
    const login = await page.request.post(`${baseUrl}/api/v1/auth/token`, { data: { username: 'rep.zhang', password: 'demo1234' } });
    const { access_token: token } = await login.json();
    const created = await page.request.post(`${baseUrl}/api/v1/leads`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { contactId: createdId, sourceChannel: 'REFERRAL', industry: '科技', region: 'EAST', budget: 150000 },
    });
    assert.equal(created.status(), 201);
    await signIn(page, 'rep.zhang');
    await page.goto('/leads');
    await page.getByTestId('lead-table').getByText(name).first().waitFor();
    await screenshot('leads-zh-CN.png');
    await page.getByTestId('lead-table').locator('[data-testid=lead-score]').first().click();
    const explanation = page.getByTestId('score-explanation');
    await explanation.waitFor();
    assert.match(await explanation.innerText(), /匹配度 100 × 0\.6/);
    assert.match(await explanation.innerText(), /来源为转介绍/);
    assert.match(await page.getByTestId('assignment-reason').innerText(), /由负责人本人创建/);
    await page.goto(`/contacts/${createdId}`);
    assert.match(await page.getByTestId('contact-leads').innerText(), /新线索/);
    await screenshot('lead-score-zh-CN.png');
  }],

  ['an expired session returns to the login page with a message', async ({ page, screenshot }) => {
    await signIn(page, 'rep.zhang');
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('guanxi.session'));
      session.token = 'expired.token.value';
      localStorage.setItem('guanxi.session', JSON.stringify(session));
    });
    await page.goto('/contacts');
    await page.waitForURL('**/login');
    await page.getByText('登录已过期，请重新登录。').waitFor();
    await screenshot('login-expired-zh-CN.png');
  }],
];
