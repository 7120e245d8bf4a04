// Safe names on the phone page in Debian's Chromium (headless, 360×640), for
// tests/safe_names.rs: the join page offers a name the game made up, the dice draw another,
// a name with a word the host's list blocks (written with look-alike letters) is refused with
// the reason, and a drawn name joins. Saves a screenshot of each and says what the page shows.
'use strict';
const path = require('path');
const { phone: launchPhone, watch } = require('./chromium');

const [url, blocked, dir] = process.argv.slice(2);
const say = (line) => process.stdout.write(line + '\n');

(async () => {
  const { browser, context } = await launchPhone();
  const page = await context.newPage();
  const problems = [];
  watch(page, problems);
  const value = () => page.inputValue('#name');
  const changed = (from) => page.waitForFunction((from) => {
    const v = document.getElementById('name').value;
    return v !== '' && v !== from;
  }, from, { timeout: 20000 });
  await page.goto(url);
  await changed('');
  const first = await value();
  say(`idea ${first}`);
  await page.screenshot({ path: path.join(dir, 'phone-names-idea.png') });
  await page.tap('#another');
  await changed(first);
  say(`another ${await value()}`);
  await page.fill('#name', blocked);
  await page.tap('#join');
  await page.waitForSelector('#error:not([hidden])', { timeout: 20000 });
  say(`refused ${await page.textContent('#error')}|focus ${await page.evaluate(() => document.activeElement.id)}`);
  await page.screenshot({ path: path.join(dir, 'phone-names-refused.png') });
  await page.tap('#another');
  await changed(blocked);
  const drawn = await value();
  await page.selectOption('#seasons', '2');
  await page.selectOption('#handicap', 'double_time');
  await page.tap('#join');
  await page.waitForFunction(() => document.body.dataset.screen === 'wait', null, { timeout: 20000 });
  say(`joined ${drawn}|${await page.textContent('#myname')}`);
  await page.screenshot({ path: path.join(dir, 'phone-names-joined.png') });
  say(`problems ${problems.length} ${problems.join(' | ')}`);
  await browser.close();
  say('done');
})().catch((e) => { say(`error ${e}`); process.exit(1); });
