// "Approve names" on the phone page in Debian's Chromium (headless, 360×640), for
// tests/approval.rs: a phone that joins waits under its name ("Nearly in") until the host lets
// it in on the TV; one whose name the host refuses is back on the join page, told why, with a
// fresh name idea, and joins again under it (to wait once more). Screenshots of each.
'use strict';
const path = require('path');
const { phone: launchPhone, another, watch, join } = require('./chromium');

const [url, dir] = process.argv.slice(2);
const say = (line) => process.stdout.write(line + '\n');
const titled = (page, start, timeout) => page.waitForFunction(
  (start) => document.getElementById('waittitle').textContent.startsWith(start), start, { timeout });

(async () => {
  const { browser, context } = await launchPhone();
  const problems = [];
  const pam = await context.newPage();
  watch(pam, problems);
  await join(pam, url, 'Pam');
  await titled(pam, 'Nearly in', 20000);
  say(`held ${await pam.textContent('#waittitle')}|${await pam.textContent('#waitnote')}`);
  await pam.screenshot({ path: path.join(dir, 'phone-held.png') });
  await titled(pam, "You're in", 60000);
  say(`in ${await pam.textContent('#waittitle')}`);
  await pam.screenshot({ path: path.join(dir, 'phone-let-in.png') });
  const rude = await (await another(browser)).newPage();
  watch(rude, problems);
  await join(rude, url, 'Rude Dude');
  await titled(rude, 'Nearly in', 20000);
  say('held2');
  await rude.waitForFunction(() => document.body.dataset.screen === 'join' && document.getElementById('name').value !== '',
    null, { timeout: 60000 });
  const idea = await rude.inputValue('#name');
  say(`refused ${await rude.textContent('#joinnote')}|${idea}`);
  await rude.screenshot({ path: path.join(dir, 'phone-refused.png') });
  await rude.tap('#join');
  await titled(rude, 'Nearly in', 20000);
  say(`again ${idea}`);
  say(`problems ${problems.length} ${problems.join(' | ')}`);
  await browser.close();
  say('done');
})().catch((e) => { say(`error ${e}`); process.exit(1); });
