// Lifelines and the final wager on the phone page in Debian's Chromium (headless, 360×640),
// for tests/phone_wager_browser.rs: Pam and Jim join; Pam uses the Shredder on the first
// question and answers with an option left standing, then bets half on the last question's
// wager step (Jim idles: the TV closes each step). Saves a screenshot of each and says what
// the page shows.
'use strict';
const path = require('path');
const { phone: launchPhone, another, watch, join } = require('./chromium');

const [url, name, dir] = process.argv.slice(2);
const say = (line) => process.stdout.write(line + '\n');

(async () => {
  const { browser, context } = await launchPhone();
  const page = await context.newPage();
  const problems = [];
  watch(page, problems);
  const screen = (s) => page.waitForFunction((s) => document.body.dataset.screen === s, s, { timeout: 60000 });
  // Jim's phone is another phone: a context of its own (a tab would share Pam's storage).
  const jim = await (await another(browser)).newPage();
  await join(jim, url, 'Jim');
  await join(page, url, name);
  say('joined');
  await screen('question');
  await page.waitForSelector('#lifelines:not([hidden]) .lifeline[data-lifeline="remove"]', { timeout: 30000 });
  await page.screenshot({ path: path.join(dir, 'phone-lifelines.png') });
  await page.tap('.lifeline[data-lifeline="remove"]');
  await page.waitForSelector('#controls .choice.struck', { timeout: 30000 });
  const struck = await page.$$eval('#controls .choice.struck', (b) => b.length);
  await page.screenshot({ path: path.join(dir, 'phone-shredded.png') });
  say(`struck ${struck}`);
  await page.tap('#controls .choice:not(.struck)');
  // Locked until the reveal, which may come within a frame of the answer.
  await page.waitForFunction(() => ['locked', 'reveal'].includes(document.body.dataset.screen), null, { timeout: 60000 });
  say('answered');
  // The TV goes on to the reveal, the standings and the wager step.
  await screen('wager');
  const shown = await page.evaluate(() => [
    document.getElementById('wagercat').textContent,
    document.querySelectorAll('#wagerbets .bet').length,
    document.getElementById('s-wager').textContent.includes(document.title) ? '' : 'ok',
  ].join('|'));
  await page.screenshot({ path: path.join(dir, 'phone-wager.png') });
  say(`wager ${shown}`);
  await page.tap('#wagerbets .bet:nth-child(3)');
  await page.waitForFunction(() => {
    const p = document.getElementById('wagerplaced');
    return !p.hidden && !p.textContent.includes('sending');
  }, null, { timeout: 30000 });
  await page.screenshot({ path: path.join(dir, 'phone-wager-placed.png') });
  say(`placed ${await page.textContent('#wagerplaced')}`);
  await screen('question');
  say(`last ${await page.textContent('#prompt')}`);
  await browser.close();
  say(problems.length ? `console: ${problems.join(' | ')}` : 'done');
})().catch((e) => { say(`failed ${e}`); process.exit(1); });
