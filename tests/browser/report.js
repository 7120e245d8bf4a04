// A night's HTML report in Debian's Chromium (headless, 1280 wide), for tests/report.rs:
// opens the file offline, says what the page shows (the winner's row, the questions, the
// hardest and easiest marks, any request beyond the file itself) and saves a full-page
// screenshot.
'use strict';
const path = require('path');
const { phone: launch, watch } = require('./chromium');

const [file, dir] = process.argv.slice(2);
const say = (line) => process.stdout.write(line + '\n');

(async () => {
  const { browser } = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  watch(page, problems);
  // Self-contained: nothing but the file itself is fetched.
  page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`fetched ${r.url()}`); });
  await page.goto('file://' + file);
  const texts = (selector) => page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent), selector);
  say(`title ${await page.title()}`);
  say(`first ${(await texts('tr.first')).join(' / ')}`);
  say(`questions ${(await texts('#questions tr')).length - 1}`);
  say(`hardest ${(await page.evaluate(() => document.querySelector('.hard')?.closest('tr')?.textContent)) || ''}`);
  say(`easiest ${(await page.evaluate(() => document.querySelector('.easy')?.closest('tr')?.textContent)) || ''}`);
  const bar = await page.evaluate(() => {
    const bar = document.querySelector('.bar i');
    return bar ? Math.round(bar.getBoundingClientRect().width) : -1;
  });
  say(`bar ${bar}`);
  await page.screenshot({ path: path.join(dir, 'report.png'), fullPage: true });
  say(`problems ${problems.length} ${problems.join(' | ')}`);
  await browser.close();
  say('done');
})().catch((e) => { say(`error ${e}`); process.exit(1); });
