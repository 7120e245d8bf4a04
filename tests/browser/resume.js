// A phone in Debian's Chromium through a TV that dies and comes back, for
// tests/phone_resume.rs: joins, answers question 1, sees question 2, then (the test kills the
// game and starts it again with the same command) comes back by itself, with no tap, to its
// seat, answers question 2, and opens the host remote with the code from before the kill.
'use strict';
const fs = require('fs');
const path = require('path');
const { phone: launchPhone } = require('./chromium');

const [url, name, dir] = process.argv.slice(2);
const say = (line) => process.stdout.write(line + '\n');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const screen = (page) => page.evaluate(() => document.body.dataset.screen);
const until = (page, screens, timeout = 90000) =>
  page.waitForFunction((wanted) => wanted.includes(document.body.dataset.screen), screens, { timeout });
const openQuestion = (page, n) => page.waitForFunction((number) => document.body.dataset.screen === 'question' &&
  document.getElementById('qnum').textContent.startsWith('Question ' + number + ' ') &&
  !document.getElementById('controls').hidden, n, { timeout: 120000 });

(async () => {
  const { browser, context: phone } = await launchPhone();
  const page = await phone.newPage();
  // Each welcome the page hears: one on joining, one more on coming back.
  let welcomes = 0;
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => {
    if (String(frame.payload).includes('"type":"welcome"')) welcomes++;
  }));
  await page.goto(url);
  await page.fill('#name', name);
  await page.tap('#join');
  await until(page, ['wait']);
  say('joined');
  await openQuestion(page, 1);
  await page.tap('.choice[data-index="0"]');
  await until(page, ['reveal']);
  say('revealed 1');
  await openQuestion(page, 2);
  say('question 2');

  // The TV goes dark and comes back: the page is left alone, as on a phone in a pocket.
  const before = welcomes;
  for (let i = 0; i < 1800 && welcomes <= before; i++) {
    await sleep(100);
    if ((await screen(page)) === 'join') throw new Error('the phone was told to join again');
  }
  if (welcomes <= before) throw new Error('the phone never came back');
  say('back');
  await openQuestion(page, 2);
  await page.screenshot({ path: path.join(dir, 'resume-phone-back.png') });
  if ((await screen(page)) === 'join') throw new Error('the phone was told to join again');
  await page.tap('.choice[data-index="1"]');
  await until(page, ['locked', 'reveal']);
  say('answered 2');

  // The host remote, with the code the TV's host panel gave before the kill.
  const hostFile = path.join(dir, 'host-url.txt');
  for (let i = 0; i < 200 && !fs.existsSync(hostFile); i++) await sleep(50);
  const remote = await browser.newPage({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  await remote.goto(fs.readFileSync(hostFile, 'utf8').trim());
  await remote.waitForFunction(() => document.body.dataset.screen === 'panel', null, { timeout: 30000 });
  say('host panel');
  await browser.close();
  say('done');
})().catch((e) => { say(`failed: ${e}`); process.exit(1); });
