// The installable app on a phone: a service worker and a manifest, the offline banner, and an
// interaction logged without a network that is kept, shown as waiting, and sent exactly once when
// the phone is back online (the Idempotency-Key made when the rep submitted).
import assert from 'node:assert/strict';
import { PHONE, signIn, tokenOf } from './support.mjs';

export const scenarios = [
    [
        'phone: the app installs (manifest, service worker) and an interaction logged offline is sent once when back online',
        async ({ context, page, baseUrl, screenshot }) => {
            const token = await tokenOf(page, baseUrl, 'rep.zhang');
            const auth = { Authorization: `Bearer ${token}` };
            const suffix = Date.now().toString().slice(-8);
            const created = await page.request.post(`${baseUrl}/api/v1/contacts`, {
                headers: auth,
                data: { name: `离线客户${suffix}`, mobile: `139${suffix}` },
            });
            assert.equal(created.status(), 201, await created.text());
            const contactId = (await created.json()).id;

            await signIn(page, 'rep.zhang', 'demo1234', `/contacts/${contactId}`);
            const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
            assert.ok(manifest, 'the manifest is linked');
            const icons = (
                await (await page.request.get(`${baseUrl}${manifest.startsWith('/') ? '' : '/'}${manifest}`)).json()
            ).icons;
            assert.ok(
                icons.some((icon) => icon.purpose === 'maskable'),
                'a maskable icon',
            );
            // The service worker controls the app once it is ready (it precached the shell and chunks).
            const scope = await page.evaluate(
                'navigator.serviceWorker.ready.then((registration) => registration.scope)',
            );
            assert.equal(scope, `${baseUrl}/`);

            const form = page.getByTestId('log-interaction');
            await form.waitFor();
            const banner = page.getByTestId('offline-banner');
            assert.equal(await banner.getAttribute('role'), 'status');
            assert.equal((await banner.innerText()).trim(), '', 'no banner while online');

            await context.setOffline(true);
            await banner.getByText('当前离线').waitFor();
            const summary = `地铁里打的电话：客户同意下周到店 #${suffix}`;
            await form.locator('textarea').fill(summary);
            await page.getByTestId('log-submit').click();
            const waiting = page.getByTestId('outbox-item').filter({ hasText: summary });
            await waiting.getByText('待发送').waitFor();
            await screenshot('offline-interaction-waiting-phone-zh-CN.png');

            // Back online: the outbox sends it with its key, and the timeline shows it as logged.
            const sent = page.waitForResponse(
                (response) =>
                    response.request().method() === 'POST' &&
                    response.url().endsWith(`/api/v1/contacts/${contactId}/interactions`),
            );
            await context.setOffline(false);
            const response = await sent;
            assert.equal(response.status(), 201);
            assert.ok(response.request().headers()['idempotency-key'], 'sent with an Idempotency-Key');
            await banner.getByText('当前离线').waitFor({ state: 'detached' });
            await waiting.waitFor({ state: 'detached' });
            await page.getByTestId('timeline').getByText(summary).waitFor();

            await page.reload();
            await page.getByTestId('timeline').getByText(summary).waitFor();
            assert.equal(await page.getByTestId('timeline').getByText(summary).count(), 1);
            assert.equal(await page.getByTestId('outbox-item').count(), 0);
            const logged = await (
                await page.request.get(`${baseUrl}/api/v1/contacts/${contactId}/interactions?size=50`, {
                    headers: auth,
                })
            ).json();
            assert.equal(logged.items.filter((interaction) => interaction.summary === summary).length, 1);
        },
        PHONE,
    ],
];
