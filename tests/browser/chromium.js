// Debian's Chromium as the browser tests run it: headless, as root, with nothing reaching
// for the network (this machine has none), and a phone-sized, touch browsing context.
'use strict';
const { chromium } = require('playwright-core');

/// The browser, and a phone's context of its own (a second tab shares its storage).
async function phone() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  return { browser, context: await another(browser) };
}

/// Another phone on the same browser: a context of its own, so its storage is its own.
function another(browser) {
  return browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
}

/// Collects what the page logs as errors or warnings, and its uncaught errors, into `problems`.
function watch(page, problems) {
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
}

/// Opens the join page at `url` and joins as `name`; resolves once the page waits in the lobby.
async function join(page, url, name) {
  await page.goto(url);
  await page.fill('#name', name);
  await page.tap('#join');
  await page.waitForFunction(() => document.body.dataset.screen === 'wait', null, { timeout: 30000 });
}

module.exports = { phone, another, watch, join };
