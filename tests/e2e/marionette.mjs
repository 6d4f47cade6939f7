// A minimal client for Firefox's Marionette protocol (length-prefixed JSON over TCP on
// loopback), enough to open a page, run a script and take a screenshot. Playwright cannot
// drive Debian's Firefox, and geckodriver is not packaged; Marionette is built into Firefox.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

export async function launchFirefox() {
  const profile = mkdtempSync(join(tmpdir(), 'fazhi-ff-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  // Keep Firefox off the network: no updates, telemetry, safe-browsing or captive-portal checks.
  writeFileSync(join(profile, 'user.js'), [
    `user_pref("marionette.port", ${port});`,
    'user_pref("app.update.enabled", false);', 'user_pref("toolkit.telemetry.enabled", false);',
    'user_pref("browser.safebrowsing.malware.enabled", false);', 'user_pref("browser.safebrowsing.phishing.enabled", false);',
    'user_pref("network.captive-portal-service.enabled", false);', 'user_pref("network.connectivity-service.enabled", false);',
    'user_pref("browser.shell.checkDefaultBrowser", false);', 'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
    'user_pref("extensions.update.enabled", false);', 'user_pref("browser.startup.homepage_override.mstone", "ignore");',
  ].join('\n'));
  const proc = spawn(FIREFOX, ['--headless', '--marionette', '--no-remote', '--profile', profile, 'about:blank'], { stdio: 'ignore' });
  let socket;
  for (let i = 0; i < 100 && !socket; i++) {
    await new Promise((r) => setTimeout(r, 200));
    socket = await new Promise((resolve) => {
      const s = connect(port, '127.0.0.1', () => resolve(s));
      s.on('error', () => resolve(null));
    });
  }
  if (!socket) { proc.kill(); throw new Error('Firefox Marionette did not start'); }
  let buffer = '';
  const waiting = new Map();
  let hello;
  const helloSeen = new Promise((r) => { hello = r; });
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    buffer += chunk;
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const len = Number(buffer.slice(0, colon));
      // The length prefix counts bytes, not characters.
      const rest = Buffer.from(buffer.slice(colon + 1), 'utf8');
      if (rest.length < len) return;
      const msg = JSON.parse(rest.subarray(0, len).toString('utf8'));
      buffer = rest.subarray(len).toString('utf8');
      if (!Array.isArray(msg)) { hello(msg); continue; }
      const [, id, error, result] = msg;
      const w = waiting.get(id);
      waiting.delete(id);
      if (w) error ? w.reject(new Error(JSON.stringify(error))) : w.resolve(result);
    }
  });
  await helloSeen;
  let next = 1;
  const send = (command, params = {}) => new Promise((resolve, reject) => {
    const id = next++;
    waiting.set(id, { resolve, reject });
    const body = Buffer.from(JSON.stringify([0, id, command, params]), 'utf8');
    socket.write(`${body.length}:`);
    socket.write(body);
  });
  await send('WebDriver:NewSession', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  return {
    goto: (url) => send('WebDriver:Navigate', { url }),
    run: async (script, args = []) => (await send('WebDriver:ExecuteScript', { script, args })).value,
    screenshot: async () => Buffer.from((await send('WebDriver:TakeScreenshot', {})).value, 'base64'),
    close: async () => { await send('Marionette:Quit').catch(() => {}); proc.kill(); },
  };
}
