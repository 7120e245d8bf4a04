// Plays the phone page in Debian's Chromium (headless, 360×640, touch) for
// tests/phone_browser.rs: joins as the given name, answers every question as the test's
// answer files say (taps, typing, up/down moves), saves screenshots, and reports each step on
// stdout for the test to check against what the game received.
'use strict';
const fs = require('fs');
const path = require('path');
const { phone: launchPhone } = require('./chromium');

const [url, name, dir, hostUrl] = process.argv.slice(2);
const say = (line) => process.stdout.write(line + '\n');
const shot = (page, file) => page.screenshot({ path: path.join(dir, file) });
const screen = (page) => page.evaluate(() => document.body.dataset.screen);
const until = (page, screens) =>
  page.waitForFunction((wanted) => wanted.includes(document.body.dataset.screen), screens, { timeout: 60000 });

/// What to answer to question `n` (0-based): written by the test when the question opens.
async function answerFor(n) {
  const file = path.join(dir, `answer-${n}.json`);
  for (let i = 0; i < 200 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function answer(page, n, wanted, taken) {
  if (wanted.option !== undefined) {
    if (!taken.has('options')) await shot(page, 'phone-options.png');
    taken.add('options');
    await page.tap(`.choice[data-index="${wanted.option}"]`);
    say(`answered ${n} option ${wanted.option}`);
  } else if (wanted.text !== undefined) {
    await page.fill('#typed', wanted.text);
    await shot(page, 'phone-typed.png');
    await page.tap('#send');
    say(`answered ${n} text ${wanted.text}`);
  } else if (wanted.number !== undefined) {
    await page.fill('#number', String(wanted.number).replace('.', ','));
    await shot(page, 'phone-number.png');
    await page.tap('#send');
    say(`answered ${n} number ${wanted.number}`);
  } else if (wanted.order !== undefined) {
    // Move each wanted item up into place with its own ▲ button.
    for (let place = 0; place < wanted.order.length; place++) {
      const at = await page.$$eval('#order .item', (items, index) =>
        items.findIndex((item) => item.dataset.index === String(index)), wanted.order[place]);
      for (let i = at; i > place; i--) await page.tap(`#order .item:nth-child(${i + 1}) .up`);
    }
    await shot(page, 'phone-ordering.png');
    await page.tap('#send');
    say(`answered ${n} order ${wanted.order.join(' ')}`);
  }
}

/// The host's remote on a second phone: the answer key, pause and resume the game, and rename Bo.
async function host(browser, hostUrl) {
  const remote = await browser.newPage({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  await remote.goto(hostUrl);
  await remote.waitForFunction(() => document.body.dataset.screen === 'panel' &&
    document.getElementById('key').textContent.trim() !== '', null, { timeout: 30000 });
  say(`host key ${(await remote.textContent('#key')).trim()}`);
  await remote.tap('#pause');
  await remote.waitForSelector('#resume', { state: 'visible' });
  await shot(remote, 'host-remote.png');
  say('host paused');
  await remote.tap('#resume');
  await remote.waitForSelector('#pause', { state: 'visible' });
  say('host resumed');
  // Rename asks for the new name in the browser's own prompt.
  remote.once('dialog', (d) => d.accept('Bo Peep'));
  await remote.tap('li.player[data-name="Bo"] button.rename');
  await remote.waitForSelector('li.player[data-name="Bo Peep"]', { timeout: 20000 });
  say('host renamed Bo Peep');
  await remote.locator('#hplayers').scrollIntoViewIfNeeded();
  await shot(remote, 'host-renamed.png');
  await remote.close();
}

(async () => {
  // A context of its own, so that a second tab shares its storage (the player's secret).
  const { browser, context: phone } = await launchPhone();
  const page = await phone.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  await page.fill('#name', name);
  await shot(page, 'phone-join.png');
  await page.tap('#join');
  await until(page, ['wait']);
  say('joined');
  // The host takes Pam out on the TV's join screen: her page goes back to joining, says why,
  // and she joins again under her name (the page keeps it).
  await until(page, ['join']);
  await shot(page, 'phone-removed.png');
  say(`removed ${(await page.textContent('#joinnote')).trim()}`);
  await page.tap('#join');
  await until(page, ['wait']);
  say('joined again');
  const taken = new Set();
  let hosted = false;
  for (;;) {
    await until(page, ['question', 'over']);
    if ((await screen(page)) === 'over') break;
    const number = await page.textContent('#qnum');
    const n = parseInt(number.replace(/[^0-9 ]/g, '').trim().split(/\s+/)[0], 10) - 1;
    if (!taken.has('question')) {
      await shot(page, 'phone-question.png');
      // The same page on a tablet.
      await page.setViewportSize({ width: 820, height: 1180 });
      await shot(page, 'phone-tablet.png');
      await page.setViewportSize({ width: 360, height: 640 });
    }
    taken.add('question');
    if (!hosted && hostUrl) {
      hosted = true;
      await host(browser, hostUrl);
    }
    await answer(page, n, await answerFor(n), taken);
    await until(page, ['locked', 'reveal']);
    if ((await screen(page)) === 'locked' && !taken.has('locked')) await shot(page, 'phone-locked.png');
    taken.add('locked');
    await until(page, ['reveal']);
    const verdict = await page.textContent('#verdict');
    if (!taken.has('reveal')) await shot(page, 'phone-reveal.png');
    taken.add('reveal');
    say(`revealed ${n} ${verdict.trim()}`);
    say(`source ${n} ${(await page.textContent('#source')).trim()}`);
  }
  await shot(page, 'phone-over.png');
  say(`over ${(await page.textContent('#finalrank')).trim()}`);
  // The page comes back after a reload as the same player (its secret is in the browser).
  await page.reload();
  await until(page, ['over']);
  say('reloaded over');
  // The same player opens a second tab (same browser, same secret): it takes the seat, and
  // the first says so and stops; "Play here instead" takes it back.
  const second = await phone.newPage();
  await second.goto(page.url());
  await until(second, ['over']);
  await until(page, ['moved']);
  await shot(page, 'phone-moved.png');
  await page.click('#playhere');
  await until(page, ['over']);
  await until(second, ['moved']);
  say('moved both ways');
  await browser.close();
  if (problems.length) {
    say(`console: ${problems.join(' | ')}`);
    process.exit(1);
  }
  say('done');
})().catch((e) => { say(`failed: ${e}`); process.exit(1); });
