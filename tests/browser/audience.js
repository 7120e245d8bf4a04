// The audience on the phone page in Debian's Chromium (headless, 360×640), for
// tests/phone_audience_browser.rs: Jim joins as a player; Cy ticks "Join the audience" and
// plays along: the question without lifelines, the right answer, the reveal with Cy's place among
// the audience, and the end. Saves a screenshot of each and says what the page shows.
'use strict';
const path = require('path');
const { phone: launchPhone, another, watch, join } = require('./chromium');

const [url, name, dir] = process.argv.slice(2);
const say = (line) => process.stdout.write(line + '\n');
const text = (page, id) => page.evaluate((id) => document.getElementById(id).textContent, id);

(async () => {
  const { browser, context } = await launchPhone();
  const page = await context.newPage();
  const problems = [];
  watch(page, problems);
  const screen = (s) => page.waitForFunction((s) => document.body.dataset.screen === s, s, { timeout: 60000 });
  const jim = await (await another(browser)).newPage();
  await join(jim, url, 'Jim');
  await page.goto(url);
  await page.fill('#name', name);
  await page.tap('#audience');
  await page.screenshot({ path: path.join(dir, 'phone-audience-join.png') });
  await page.tap('#join');
  await screen('wait');
  say(`wait ${await text(page, 'waittitle')}|${await text(page, 'myname')}`);
  await page.screenshot({ path: path.join(dir, 'phone-audience-wait.png') });
  say('joined');
  await screen('question');
  const lifelines = await page.evaluate(() => document.querySelectorAll('#lifelines .lifeline').length);
  await page.screenshot({ path: path.join(dir, 'phone-audience-question.png') });
  say(`question ${lifelines}`);
  await page.locator('#controls .choice', { hasText: 'right' }).first().tap();
  // Locked until the reveal; the TV may reveal within a frame of the answer (it closes the
  // question once Cy's answer is in), so the reveal counts as answered too.
  await page.waitForFunction(() => ['locked', 'reveal'].includes(document.body.dataset.screen), null, { timeout: 60000 });
  say('answered');
  await screen('reveal');
  // The TV ends the night once it hears this: the picture first.
  await page.screenshot({ path: path.join(dir, 'phone-audience-reveal.png') });
  say(`reveal ${await text(page, 'verdict')}|${await text(page, 'rank')}`);
  await screen('over');
  say(`over ${await text(page, 'overtitle')}|${await text(page, 'finalrank')}`);
  await page.screenshot({ path: path.join(dir, 'phone-audience-over.png') });
  await browser.close();
  say(problems.length ? `console: ${problems.join(' | ')}` : 'done');
})().catch((e) => { say(`failed ${e}`); process.exit(1); });
