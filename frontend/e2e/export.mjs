// List exports (issue 20 §2): a rep filters the contact list on a phone, exports it as CSV and gets exactly
// the rows the filtered list holds, with the headers and enum values in the language the app is in.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { checkPage, PHONE, setLanguage, signIn, tokenOf } from './support.mjs';

/** The CSV's rows (the UTF-8 byte-order mark dropped); cells split on commas outside quotes. */
function parseCsv(text) {
    const rows = [];
    for (const line of text
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter(Boolean)) {
        const cells = [];
        let cell = '';
        let quoted = false;
        for (let i = 0; i < line.length; i++) {
            const ch = line[i];
            if (quoted && ch === '"' && line[i + 1] === '"') {
                cell += '"';
                i++;
            } else if (ch === '"') {
                quoted = !quoted;
            } else if (ch === ',' && !quoted) {
                cells.push(cell);
                cell = '';
            } else {
                cell += ch;
            }
        }
        cells.push(cell);
        rows.push(cells);
    }
    return rows;
}

export const scenarios = [
    [
        'a rep exports the filtered contact list on a phone and the file holds the filtered rows in English',
        async ({ page, screenshot, baseUrl }) => {
            const token = await tokenOf(page, baseUrl, 'rep.zhang');
            const expected = await (
                await page.request.get(`${baseUrl}/api/v1/contacts?region=EAST&size=200`, {
                    headers: { Authorization: `Bearer ${token}` },
                })
            ).json();
            assert.ok(
                expected.total > 0 && expected.total <= 200,
                `the demo rep has East China contacts (${expected.total})`,
            );

            await signIn(page, 'rep.zhang', 'demo1234', '/contacts?region=EAST');
            await setLanguage(page, 'EN');
            await page.getByTestId('contacts-export').waitFor();
            // The filtered list has arrived (no spinner dimming the cards) before the page is checked.
            await page.getByTestId('list-card').first().waitFor();
            await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
            // The language switch was tapped where a card's name now is: move the pointer off it (a hovered link is lighter).
            await page.mouse.move(200, 2);
            await checkPage(page, screenshot, 'contacts-export-390-en.png');
            await page.getByTestId('contacts-export').click();
            // A DOM click on the menu item, as for the user menu and the merge popconfirm: under the harness's 1 ms
            // animations antd sometimes aligns the dropdown from its off-screen start position and leaves it there
            // (seen at left 4093 px, top 8564 px in the 390 px window, only once the service is warm, i.e. late in the
            // full run), so a pointer click waits for an item it can never reach and no request leaves. Real
            // animations align it. The download and the response are awaited together with the click, so a timeout
            // fails this scenario instead of crashing the run with an unhandled rejection.
            const item = page.getByTestId('contacts-export-csv');
            await item.waitFor({ state: 'attached' });
            const [response, download] = await Promise.all([
                page.waitForResponse((r) => r.url().includes('/api/v1/contacts/export')),
                page.waitForEvent('download'),
                item.dispatchEvent('click'),
            ]);
            assert.equal(response.status(), 200);
            assert.ok(response.url().includes('region=EAST'), response.url());
            assert.match(download.suggestedFilename(), /^contacts-\d{8}-\d{4}\.csv$/);
            const rows = parseCsv(await readFile(await download.path(), 'utf8'));

            const header = rows[0];
            assert.deepEqual(
                header.slice(0, 4),
                ['Name', 'Company', 'Mobile', 'Region'],
                'English headers, the list columns in order',
            );
            assert.equal(rows.length - 1, expected.total, 'as many rows as the filtered list');
            const names = rows
                .slice(1)
                .map((r) => r[0])
                .sort();
            assert.deepEqual(
                names,
                expected.items.map((c) => c.name).sort(),
                'the filtered rows, and only the rep’s own',
            );
            assert.ok(
                rows.slice(1).every((r) => r[3] === 'East China'),
                'the region in English',
            );
            assert.ok(
                rows.slice(1).every((r) => !r[2] || r[2].includes('****')),
                'mobiles masked as in the list',
            );
        },
        PHONE,
    ],
];
