// End-to-end tests in a real browser: starts the packaged service on an embedded database with demo
// data, drives Debian's Chromium with playwright-core through the flows of a sales rep, a second
// rep and an admin, and saves screenshots of the main pages (zh-CN and en) under e2e/screenshots/.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { scenarios as flows } from './scenarios.mjs';
import { scenarios as customerPages } from './pages-customers.mjs';
import { scenarios as salesServicePages } from './pages-sales-service.mjs';
import { scenarios as offline } from './offline.mjs';
import { scenarios as findAndViews } from './search-and-views.mjs';
import { scenarios as careAndViews } from './care-and-views.mjs';
import { scenarios as winback } from './winback.mjs';
import { scenarios as surveys } from './surveys.mjs';
import { scenarios as churnRisk } from './churn-risk.mjs';
import { scenarios as campaigns } from './campaigns.mjs';
import { scenarios as churnReview } from './churn-review.mjs';
import { scenarios as analytics } from './analytics.mjs';
import { scenarios as privacy } from './privacy.mjs';
import { scenarios as bulk } from './bulk.mjs';
import { scenarios as merge } from './merge.mjs';
import { scenarios as exports } from './export.mjs';
import { scenarios as imports } from './import.mjs';

// Each entry: [name, scenario, context options (optional, e.g. PHONE from support.mjs)].
const all = [
    ...flows,
    ...customerPages,
    ...salesServicePages,
    ...offline,
    ...findAndViews,
    ...careAndViews,
    ...winback,
    ...surveys,
    ...churnRisk,
    ...campaigns,
    ...churnReview,
    ...analytics,
    ...privacy,
    ...bulk,
    ...merge,
    ...exports,
    ...imports,
];
// GUANXI_E2E_ONLY=<regular expression> runs only the scenarios whose names match (while working on one page).
const only = process.env.GUANXI_E2E_ONLY ? new RegExp(process.env.GUANXI_E2E_ONLY) : null;
const scenarios = only ? all.filter(([name]) => only.test(name)) : all;

const here = new URL('.', import.meta.url).pathname;
const jar = resolve(process.env.GUANXI_JAR ?? join(here, '../../backend/target/quarkus-app/quarkus-run.jar'));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = join(here, 'screenshots');

function freePort() {
    return new Promise((resolvePort, reject) => {
        const server = createServer();
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolvePort(port));
        });
        server.on('error', reject);
    });
}

// GUANXI_E2E_READY_SECONDS: how long the service may take to start (migrations and demo data take minutes on a
// machine shared by several builds).
async function waitForReady(
    managementUrl,
    service,
    timeoutMs = Number(process.env.GUANXI_E2E_READY_SECONDS ?? 120) * 1000,
) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (service.exitCode !== null) throw new Error(`service exited with ${service.exitCode}`);
        try {
            const response = await fetch(`${managementUrl}/q/health/ready`);
            if (response.ok) return;
        } catch {
            // not listening yet
        }
        await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('service did not become ready');
}

async function main() {
    if (!existsSync(jar)) throw new Error(`No packaged service at ${jar}; run ./mvnw package first`);
    if (!existsSync(chromiumPath))
        throw new Error(`No Chromium at ${chromiumPath}; install Debian's chromium (test.sh does)`);
    mkdirSync(screenshots, { recursive: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'guanxi-e2e-'));
    const port = await freePort();
    const managementPort = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    // Health is served on the management port only.
    const managementUrl = `http://127.0.0.1:${managementPort}`;
    const log = [];
    const service = spawn(
        'java',
        [
            '-Dquarkus.profile=demo',
            `-Dquarkus.http.port=${port}`,
            `-Dquarkus.management.port=${managementPort}`,
            `-Dguanxi.embedded-db.data-dir=${join(dataDir, 'pgdata')}`,
            '-jar',
            jar,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    service.stdout.on('data', (chunk) => log.push(chunk.toString()));
    service.stderr.on('data', (chunk) => log.push(chunk.toString()));
    let browser;
    let failed = 0;
    try {
        await waitForReady(managementUrl, service);
        browser = await chromium.launch({
            executablePath: chromiumPath,
            args: [
                '--headless',
                '--no-sandbox',
                '--disable-gpu',
                '--disable-quic',
                '--no-first-run',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
            ],
        });
        for (const [name, scenario, options = {}] of scenarios) {
            const context = await browser.newContext({
                baseURL: baseUrl,
                viewport: { width: 1440, height: 900 },
                ...options,
            });
            // Near-instant animations: screenshots show settled pages and clicks never hit a moving drawer.
            // 1 ms rather than none or 0 s: antd's modals wait for animationend, which a 0 s animation does
            // not always fire, and then stay half-closed over the page.
            await context.addInitScript(`document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = '*, *::before, *::after { transition-duration: 1ms !important; transition-delay: 0s !important; '
          + 'animation-duration: 1ms !important; animation-delay: 0s !important; }';
        document.head.appendChild(style);
      });`);
            const page = await context.newPage();
            page.setDefaultTimeout(15_000);
            // An uncaught error in the page (a rejected promise from a failed form validation, say) fails
            // the scenario even when everything it asserted held.
            const pageErrors = [];
            page.on('pageerror', (error) => pageErrors.push(error.stack || `${error.name}: ${error.message}`));
            const started = Date.now();
            try {
                await scenario({
                    context,
                    page,
                    baseUrl,
                    screenshot: (file) => page.screenshot({ path: join(screenshots, file), fullPage: true }),
                });
                if (pageErrors.length) throw new Error(`uncaught errors in the page:\n${pageErrors.join('\n')}`);
                console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
            } catch (error) {
                failed++;
                console.error(`  ✗ ${name}\n    ${error.stack ?? error}`);
                await page
                    .screenshot({ path: join(screenshots, `FAILED-${name.replace(/\W+/g, '-')}.png`), fullPage: true })
                    .catch(() => {});
            } finally {
                await context.close();
            }
        }
    } catch (error) {
        failed++;
        console.error(error);
        console.error(log.join('').split('\n').slice(-40).join('\n'));
    } finally {
        await browser?.close();
        service.kill('SIGTERM');
        await new Promise((r) => service.once('exit', r));
        rmSync(dataDir, { recursive: true, force: true });
    }
    console.log(
        failed
            ? `e2e: ${failed} failed`
            : `e2e: all ${scenarios.length} scenarios passed; screenshots in ${screenshots}`,
    );
    process.exit(failed ? 1 : 0);
}

await main();
