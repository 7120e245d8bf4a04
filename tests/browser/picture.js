// Shows a picture question on the phone page in Debian's Chromium (headless, 360×640) for
// tests/phone_media.rs: joins, waits for the question and its picture, then for the reveal
// and its picture, saves a screenshot of each, and says what the page shows.
'use strict';
const path = require('path');
const { phone: launchPhone, watch, join } = require('./chromium');

const [url, name, dir] = process.argv.slice(2);
const say = (line) => process.stdout.write(line + '\n');

(async () => {
  const { browser, context } = await launchPhone();
  const page = await context.newPage();
  const problems = [];
  watch(page, problems);
  await join(page, url, name);
  say('joined');
  // Waits for screen `screen` to show its loaded picture `id`; says what it is, and shoots it.
  const picture = async (screen, id, shot) => {
    await page.waitForFunction(([screen, id]) => {
      const img = document.getElementById(id + 'img');
      return document.body.dataset.screen === screen && !document.getElementById(id).hidden &&
        img.complete && img.naturalWidth > 0;
    }, [screen, id], { timeout: 60000 });
    const shown = await page.evaluate((id) => {
      const img = document.getElementById(id + 'img');
      const box = img.getBoundingClientRect();
      return `${img.naturalWidth}x${img.naturalHeight} ${img.getAttribute('src')} ${Math.round(box.width)} ${img.alt}`;
    }, id);
    await page.screenshot({ path: path.join(dir, shot) });
    return shown;
  };
  say(`picture ${await picture('question', 'picture', 'phone-picture.png')}`);
  // The test closes the question: the reveal shows the answer's picture.
  say(`reveal ${await picture('reveal', 'revealpicture', 'phone-reveal-picture.png')}`);
  await browser.close();
  say(problems.length ? `console: ${problems.join(' | ')}` : 'done');
})().catch((e) => { say(`failed ${e}`); process.exit(1); });
