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
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  return { browser, context };
}

module.exports = { phone };
