// The streaming overlay in Debian's Chromium (headless) at 1920×1080 on a transparent
// background, for tests/streamer.rs: while a question is open it shows the question and no
// answer; once revealed, the answer, held back the host's delay after the reveal arrived.
// Saves a screenshot of each (transparent around the panels) and says what the page shows.
'use strict';
const path = require('path');
const { phone: launch, watch } = require('./chromium');

const [url, dir] = process.argv.slice(2);
const say = (line) => process.stdout.write(line + '\n');

(async () => {
  const { browser } = await launch();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const problems = [];
  watch(page, problems);
  let revealAt = 0;
  page.on('websocket', (ws) => ws.on('framereceived', (f) => {
    if (!revealAt && /"stage":"reveal"/.test(String(f.payload))) revealAt = Date.now();
  }));
  await page.goto(url);
  await page.waitForSelector('#card:not([hidden])', { timeout: 90000 });
  say(`question ${(await page.textContent('#prompt')).trim()}|${await page.isHidden('#answer')}`);
  await page.screenshot({ path: path.join(dir, 'overlay-question.png'), omitBackground: true });
  await page.waitForSelector('#answer:not([hidden])', { timeout: 90000 });
  const held = Date.now() - revealAt;
  say(`answer ${(await page.textContent('#answer')).trim()}|held ${revealAt ? held : -1}`);
  say(`board ${(await page.textContent('#lines')).replace(/\s+/g, ' ').trim()}`);
  await page.screenshot({ path: path.join(dir, 'overlay-reveal.png'), omitBackground: true });
  say(`problems ${problems.length} ${problems.join(' | ')}`);
  await browser.close();
  say('done');
})().catch((e) => { say(`error ${e}`); process.exit(1); });
