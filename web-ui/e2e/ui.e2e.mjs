// Drives the web UI of a running node in a real Chromium (Debian's, through playwright-core):
// submits a generated bundle, waits for it, browses it, filters, scrolls, queries, opens a
// record, brushes a time range on the histogram, reads a record's context, follows a heatmap
// cell, and checks every count against the generator's expectations and every row against
// the API. Then the known-issue rules: rules saved through the API, the issues panel after a
// re-check, an evidence link, "Make rule" on a record (draft, backtest, a refused save, save,
// re-check), and the rules page (search, disable, reload, history). Last, the live view: a
// second, bigger bundle submitted from the bundles page and followed on its Live page while it
// is ingested (records before completion, heatmap, every ERROR and FATAL counted, a rule hit,
// the end). Then templates and anomalies: the Templates facet, "Similar records", the anomaly
// threshold, and a second bundle compared side by side with the first (per-bundle counts, the
// template diff, a shared filter) and browsed merged with it. Run by cluster-node's
// WebUiBrowserTest; by hand:
//
//   BUNDLESCOPE_URL=http://127.0.0.1:8080 BUNDLESCOPE_BUNDLE=/abs/bundle.tar.gz \
//   BUNDLESCOPE_EXPECTED=/abs/bundle.expected.json BUNDLESCOPE_SCREENSHOTS=/tmp/shots \
//   [BUNDLESCOPE_COMPARE_BUNDLE=/abs/other-bundle] [BUNDLESCOPE_LIVE_BUNDLE=/abs/big-bundle.tar.gz] node e2e/ui.e2e.mjs
//
// Exits 0 when every check passed, 1 on the first failure (with a failure screenshot), 2 on
// bad arguments.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

function env(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (!value) {
    console.error(`missing environment variable ${name}`);
    process.exit(2);
  }
  return value;
}

const base = env('BUNDLESCOPE_URL').replace(/\/$/, '');
const bundlePath = env('BUNDLESCOPE_BUNDLE');
const expected = JSON.parse(readFileSync(env('BUNDLESCOPE_EXPECTED'), 'utf8'));
const shots = env('BUNDLESCOPE_SCREENSHOTS');
const executable = env('CHROMIUM', '/usr/bin/chromium');
/** a second bundle for the compare steps: the first one's cluster with errors injected (skipped without it) */
const compareBundlePath = process.env.BUNDLESCOPE_COMPARE_BUNDLE ?? null;
/** a bundle big enough to take seconds to ingest, never submitted before (the live step is skipped without it) */
const liveBundlePath = process.env.BUNDLESCOPE_LIVE_BUNDLE ?? null;
const QUERY = 'Traceback';
const LEVEL = 'ERROR';

if (!existsSync(executable)) {
  console.error(`no Chromium at ${executable}: install Debian's package (apt-get install chromium)`);
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

// ---------------------------------------------------------------- the API, as the oracle

async function apiGet(path) {
  return apiCall('GET', path);
}

async function apiCall(method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** Every record of a search, in order (the test bundles are small enough for one page). */
async function allRecords(bundleId, params) {
  const p = new URLSearchParams({ log_bundle_id: bundleId, limit: '10000', ...params });
  const page = await apiGet(`/logs/search?${p}`);
  assert.equal(page.next_cursor, null, 'test bundle too big for one oracle page');
  assert.equal(page.records.length, page.total);
  return page.records;
}

// ---------------------------------------------------------------- expectations

const nsl = expected.byNodeServiceLevel;
function sumWhere(pick) {
  const out = {};
  for (const [node, services] of Object.entries(nsl)) {
    for (const [service, levels] of Object.entries(services)) {
      for (const [level, n] of Object.entries(levels)) {
        const key = pick(node, service, level);
        if (key !== null && n > 0) out[key] = (out[key] ?? 0) + n;
      }
    }
  }
  return out;
}
const sorted = obj => Object.fromEntries(Object.entries(obj).sort(([a], [b]) => a.localeCompare(b)));

// ---------------------------------------------------------------- page helpers

const fmt = n => new Intl.NumberFormat('en-US').format(n);

async function waitFor(what, check, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${last?.message ?? last}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

async function facet(page, group) {
  return page.$$eval(`section[data-facet="${group}"][data-loaded="true"] label.facet-item`, labels =>
    Object.fromEntries(labels.filter(l => Number(l.dataset.count) > 0).map(l => [l.dataset.key, Number(l.dataset.count)])));
}

async function expectFacet(page, group, want) {
  await waitFor(`facet ${group} = ${JSON.stringify(want)}`, async () => {
    assert.deepEqual(sorted(await facet(page, group)), sorted(want));
  });
}

async function expectTotal(page, want) {
  await waitFor(`total ${want}`, async () => {
    assert.equal(await page.getAttribute('[data-testid="total"]', 'data-total'), String(want));
  });
}

/** The rows on screen with data: [{index, id, node, level}]. */
async function visibleRows(page) {
  return page.$$eval('.rt-row[data-id]', rows => {
    const box = document.querySelector('.rt-scroll').getBoundingClientRect();
    return rows
      .filter(r => {
        const b = r.getBoundingClientRect();
        return b.bottom > box.top && b.top < box.bottom;
      })
      .map(r => ({
        index: Number(r.dataset.index),
        id: r.dataset.id,
        lines: Number(r.dataset.lines),
        node: r.querySelector('.rt-node').textContent,
        level: r.querySelector('.rt-level').textContent,
      }))
      .sort((a, b) => a.index - b.index);
  });
}

/** Waits until the screen is full of loaded rows and each is the oracle's record at its index. */
/** Waits until the rows on screen match the oracle and `where` (asserts on them) holds; returns them. */
async function expectRowsMatch(page, oracle, label, where = () => {}) {
  return waitFor(`${label}: rows on screen match the API`, async () => {
    const loading = await page.$$('.rt-row.loading');
    assert.equal(loading.length, 0, 'rows still loading');
    const rows = await visibleRows(page);
    assert.ok(rows.length > 0 || oracle.length === 0, 'no rows on screen');
    for (const r of rows) assert.equal(r.id, oracle[r.index]?.id, `row ${r.index}`);
    where(rows);
    return rows;
  });
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, name) });
  console.log(`  screenshot ${join(shots, name)}`);
}

async function step(name, body) {
  const started = Date.now();
  console.log(`- ${name}`);
  await body();
  console.log(`  ok (${Date.now() - started} ms)`);
}

// ---------------------------------------------------------------- the run

const profile = mkdtempSync(join(tmpdir(), 'bundlescope-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: executable,
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(30_000);
const pageErrors = [];
page.on('pageerror', e => pageErrors.push(`page error: ${e.message}`));
/** Set while a step makes the API refuse something on purpose (Chromium logs the 4xx as an error). */
let expectedStatus = null;
page.on('console', m => {
  if (m.type() !== 'error') return;
  if (expectedStatus && m.text().includes(`status of ${expectedStatus}`)) return;
  pageErrors.push(`console error: ${m.text()}`);
});

let bundleId;
let exitCode = 0;
try {
  await step('the bundles page submits the bundle and shows it completed with its records', async () => {
    await page.goto(base + '/');
    await page.fill('#bundle-path', bundlePath);
    await page.click('form.analyze button[type="submit"]');
    const message = await page.textContent('form.analyze .form-ok', { timeout: 10_000 });
    bundleId = /Submitted as (\S+)/.exec(message)?.[1];
    assert.ok(bundleId, `no bundle id in "${message}"`);
    const row = `tbody.bundle[data-bundle-id="${bundleId}"]`;
    await page.waitForSelector(row);
    await page.waitForSelector(`${row}[data-status="completed"]`, { timeout: 180_000 });
    await waitFor('records of the completed bundle', async () =>
      assert.equal((await page.textContent(`${row} [data-field="records"]`)).trim(), fmt(expected.total)));
    await page.click(`${row} td.path button`);
    const warnings = await page.$$eval(`${row} [data-testid="warnings"] li`, lis => lis.map(li => li.textContent));
    for (const file of expected.warningsFor) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      assert.ok(warnings.some(w => w.includes(name)), `no warning for ${file} in ${JSON.stringify(warnings)}`);
    }
    assert.match(page.url(), new RegExp(`[?&]open=${bundleId}`));
    await shot(page, '01-bundles.png');
  });

  let everything;
  await step('the log browser shows every record and the exact counts per node, service and level', async () => {
    await page.click(`tbody.bundle[data-bundle-id="${bundleId}"] [data-testid="browse"]`);
    await page.waitForURL(`**/browse/${bundleId}`);
    await expectTotal(page, expected.total);
    await expectFacet(page, 'cvm_ip', expected.byCvmIp);
    await expectFacet(page, 'service', expected.byService);
    await expectFacet(page, 'log_level', expected.byLevel);
    everything = await allRecords(bundleId, {});
    const rows = await expectRowsMatch(page, everything, 'top');
    assert.equal(rows[0].index, 0);
    await shot(page, '02-browser.png');
  });

  await step('the virtual table jumps to the middle and the end without loading what lies between, oldest or newest first', async () => {
    const total = expected.total;
    await page.$eval('.rt-scroll', el => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
    });
    await expectRowsMatch(page, everything, 'middle', middle =>
      assert.ok(middle[0].index > total / 2 - 100 && middle[0].index < total / 2 + 100, `middle row ${middle[0].index}`));
    await page.focus('.rt-scroll');
    await page.keyboard.press('End');
    await expectRowsMatch(page, everything, 'end', end =>
      assert.equal(end[end.length - 1].index, total - 1, 'the last row is the last record'));
    const loaded = Number(await page.getAttribute('[data-testid="record-table"]', 'data-loaded'));
    assert.ok(loaded < total / 2, `jumping loaded ${loaded} of ${total} records`);
    await page.keyboard.press('Home');
    await expectRowsMatch(page, everything, 'back at the top', top => assert.equal(top[0].index, 0));

    await page.selectOption('.query-bar select[name="order"]', 'desc');
    await page.waitForURL(/[?&]order=desc/);
    const newestFirst = await allRecords(bundleId, { order: 'desc' });
    await expectRowsMatch(page, newestFirst, 'newest first');
    await page.$eval('.rt-scroll', el => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) / 3;
    });
    await expectRowsMatch(page, newestFirst, 'newest first, a third down', rows =>
      assert.ok(rows[0].index > total / 3 - 100, `a third down: row ${rows[0].index}`));
    await page.goBack();
    await page.waitForURL(url => !url.search.includes('order=desc'));
    await expectRowsMatch(page, everything, 'oldest first again');
  });

  const node = Object.keys(expected.byCvmIp).sort()[0];
  await step(`filtering by node ${node} and level ${LEVEL} shows exactly their records and counts`, async () => {
    await page.click(`section[data-facet="cvm_ip"] label[data-key="${node}"] input`);
    await expectTotal(page, expected.byCvmIp[node]);
    await page.click(`section[data-facet="log_level"] label[data-key="${LEVEL}"] input`);
    const want = sumWhere((n, s, l) => (n === node && l === LEVEL ? 'x' : null)).x;
    await expectTotal(page, want);
    await expectFacet(page, 'service', sumWhere((n, s, l) => (n === node && l === LEVEL ? s : null)));
    await expectFacet(page, 'cvm_ip', sumWhere((n, s, l) => (l === LEVEL ? n : null)));
    await expectFacet(page, 'log_level', sumWhere((n, s, l) => (n === node ? l : null)));
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('cvm_ip'), node);
    assert.equal(url.searchParams.get('log_level'), LEVEL);
    const oracle = await allRecords(bundleId, { cvm_ip: node, log_level: LEVEL });
    const rows = await expectRowsMatch(page, oracle, 'filtered');
    for (const r of rows) assert.deepEqual([r.node, r.level], [node, LEVEL], `row ${r.index}`);
    await shot(page, '03-filtered.png');

    await page.reload();
    await expectTotal(page, want);
    assert.ok(await page.isChecked(`section[data-facet="cvm_ip"] label[data-key="${node}"] input`), 'node kept by the URL');
    assert.ok(await page.isChecked(`section[data-facet="log_level"] label[data-key="${LEVEL}"] input`), 'level kept by the URL');
  });

  let oracle;
  await step(`the query "${QUERY}" on node ${node} matches what the API finds`, async () => {
    await page.click(`section[data-facet="log_level"] h3 button.clear`);
    await expectTotal(page, expected.byCvmIp[node]);
    await page.fill('.query-bar input[name="q"]', QUERY);
    await page.press('.query-bar input[name="q"]', 'Enter');
    oracle = await allRecords(bundleId, { cvm_ip: node, q: QUERY });
    assert.ok(oracle.length > 0, `the API finds no "${QUERY}" on ${node}`);
    await expectTotal(page, oracle.length);
    const levels = await apiGet(`/logs/aggregate?${new URLSearchParams({ log_bundle_id: bundleId, cvm_ip: node, q: QUERY, group_by: 'log_level' })}`);
    await expectFacet(page, 'log_level', Object.fromEntries(levels.buckets.map(b => [b.key, b.count])));
    await expectRowsMatch(page, oracle, 'query');
    assert.equal(new URL(page.url()).searchParams.get('q'), QUERY);
    await shot(page, '04-query.png');
  });

  await step('a click on a multi-line record shows all of it in the detail panel, also from a shared link', async () => {
    const rows = await visibleRows(page);
    const multi = rows.find(r => r.lines > 1);
    assert.ok(multi, 'no multi-line record on screen');
    const record = oracle[multi.index];
    await page.click(`.rt-row[data-id="${multi.id}"]`);
    await page.waitForSelector(`[data-testid="record-detail"][data-id="${multi.id}"]`);
    assert.equal(await page.textContent('[data-testid="record-message"]'), record.message);
    assert.ok(record.message.split('\n').length > 1);
    const marks = await page.$$eval('[data-testid="record-message"] mark', ms => ms.map(m => m.textContent));
    assert.ok(marks.length > 0, 'the query is highlighted in the message');
    for (const m of marks) assert.equal(m.toLowerCase(), QUERY.toLowerCase());
    assert.equal(new URL(page.url()).searchParams.get('sel'), multi.id);
    await shot(page, '05-detail.png');

    await page.reload();
    await page.waitForSelector(`[data-testid="record-detail"][data-id="${multi.id}"]`);
    assert.equal(await page.textContent('[data-testid="record-message"]'), record.message);
    await page.waitForSelector(`.rt-row.selected[data-id="${multi.id}"]`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="record-detail"]', { state: 'detached' });
  });

  await step('dragging across the time histogram selects a range: the URL, the count, the rows and the chart follow', async () => {
    await page.goto(`${base}/browse/${bundleId}`);
    const hist = '[data-testid="time-histogram"]';
    await waitFor('the histogram of every record', async () =>
      assert.equal(await page.getAttribute(`${hist}[data-loaded="true"]`, 'data-total'), String(expected.total)));
    const errors = (expected.byLevel.ERROR ?? 0) + (expected.byLevel.FATAL ?? 0);
    assert.equal(await page.getAttribute(hist, 'data-errors'), String(errors), 'red bars: every ERROR and FATAL');
    const buckets = Number(await page.getAttribute(hist, 'data-buckets'));
    assert.ok(buckets >= 80 && buckets <= 200, `${buckets} bars`);
    await shot(page, '06-histogram.png');
    const box = await page.locator(`${hist} .u-over`).boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(/start_time=.*end_time=/);
    const url = new URL(page.url());
    const start = url.searchParams.get('start_time');
    const end = url.searchParams.get('end_time');
    const inRange = await allRecords(bundleId, { start_time: start, end_time: end });
    assert.ok(inRange.length > 0 && inRange.length < expected.total, `${inRange.length} records in the brushed range`);
    for (const r of inRange) assert.ok(Date.parse(r.time) >= Date.parse(start) - 1 && Date.parse(r.time) <= Date.parse(end));
    await expectTotal(page, inRange.length);
    await expectRowsMatch(page, inRange, 'brushed range');
    await waitFor('the histogram zoomed into the range', async () =>
      assert.equal(await page.getAttribute(`${hist}[data-loaded="true"]`, 'data-total'), String(inRange.length)));
    assert.equal(await page.inputValue('.query-bar input[name="start_time"]'), start);
    await shot(page, '07-brushed.png');
  });

  await step("a record's detail shows its neighbours in its original file by line, the record marked", async () => {
    const [first] = await visibleRows(page);
    await page.click(`.rt-row[data-id="${first.id}"]`);
    const ctx = '[data-testid="record-context"][data-loaded="true"]';
    await page.waitForSelector(ctx);
    const want = await apiGet(`/logs/context?${new URLSearchParams({ log_bundle_id: bundleId, id: first.id, before: '15', after: '15' })}`);
    assert.ok(want.records.length > 1, 'the file has more than the record');
    const shown = await page.$$eval(`${ctx} li`, lis => lis.map(li => ({ id: li.dataset.id, line: Number(li.dataset.line) })));
    assert.deepEqual(shown, want.records.map(r => ({ id: r.id, line: r.line_number })));
    assert.equal(await page.getAttribute(`${ctx} li[aria-current="true"]`, 'data-id'), first.id);
    assert.equal(want.records[want.target_index].id, first.id);
    const lines = shown.map(r => r.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b), 'by line number');
    await shot(page, '08-context.png');
    await page.keyboard.press('Escape');
  });

  await step('the heatmap counts errors per node and per service; a cell opens exactly its records', async () => {
    await page.goto(`${base}/browse/${bundleId}`);
    await page.click('[data-testid="to-heatmap"]');
    await page.waitForURL(`**/heatmap/${bundleId}`);
    const rowTotals = () => page.$$eval('table.heatmap tr[data-row]', trs => Object.fromEntries(trs.map(tr =>
      [tr.dataset.row, [...tr.querySelectorAll('td')].reduce((n, td) => n + Number(td.dataset.count), 0)])));
    const bad = l => l === 'ERROR' || l === 'FATAL';
    await page.waitForSelector('table.heatmap[data-rows-by="cvm_ip"]');
    assert.deepEqual(sorted(await rowTotals()), sorted(sumWhere((n, s, l) => (bad(l) ? n : null))));
    await shot(page, '09-heatmap-nodes.png');
    await page.click('[data-testid="rows-service"]');
    await page.waitForSelector('table.heatmap[data-rows-by="service"]');
    assert.deepEqual(sorted(await rowTotals()), sorted(sumWhere((n, s, l) => (bad(l) ? s : null))));
    assert.equal(new URL(page.url()).searchParams.get('rows'), 'service');
    await page.goBack();
    await page.waitForSelector('table.heatmap[data-rows-by="cvm_ip"]');

    const hottest = await page.$$eval('table.heatmap tr[data-row] td', tds => {
      const td = tds.reduce((a, b) => (Number(b.dataset.count) > Number(a.dataset.count) ? b : a));
      td.setAttribute('data-hottest', 'true');
      return { row: td.parentElement.dataset.row, start: td.dataset.start, count: Number(td.dataset.count) };
    });
    assert.ok(hottest.count > 0);
    await page.click('td[data-hottest="true"]');
    await page.waitForURL(`**/browse/${bundleId}?**`);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('cvm_ip'), hottest.row);
    assert.equal(url.searchParams.get('log_level'), 'ERROR,FATAL');
    assert.equal(Date.parse(url.searchParams.get('start_time')), Date.parse(hottest.start));
    await expectTotal(page, hottest.count);
    const cell = await allRecords(bundleId, Object.fromEntries(url.searchParams));
    assert.equal(cell.length, hottest.count);
    const rows = await expectRowsMatch(page, cell, 'heatmap cell');
    for (const r of rows) {
      assert.equal(r.node, hottest.row);
      assert.ok(bad(r.level), `row ${r.index} is ${r.level}`);
    }
    await shot(page, '10-heatmap-cell.png');
  });

  // ------------------------------------------------------------ known-issue rules
  const RULE = 'e2e-ui-transport';
  const ABSENT = 'e2e-ui-absent';
  const RULE_QUERY = 'kTransportError';
  let issue;
  await step('the issues panel lists what the rules found after a re-check, the check\'s state and the rules that could not run', async () => {
    const transport = await allRecords(bundleId, { q: RULE_QUERY });
    assert.ok(transport.length > 0, `the generated bundle has no "${RULE_QUERY}" record`);
    const perNode = {};
    for (const r of transport) perNode[r.cvm_ip] = (perNode[r.cvm_ip] ?? 0) + 1;
    await apiCall('POST', '/rules', {
      id: RULE, title: 'RPC transport errors', severity: 'major',
      match: { query: RULE_QUERY, levels: ['ERROR'] }, condition: { min_count: 1, per: 'node' },
      kb: 'http://kb.bundlescope.local/rules/e2e-ui-transport', remediation: 'Check the network between the CVMs.',
      tags: ['e2e', 'network'],
    });
    await apiCall('POST', '/rules', {
      id: ABSENT, title: 'Hyper-V agent crash', severity: 'critical', scope: { services: ['hyperv_agent'] },
      match: { query: 'crashed' }, tags: ['e2e'],
    });

    await page.goto(`${base}/browse/${bundleId}`);
    await page.click('[data-testid="issues-toggle"]');
    await page.waitForURL(/[?&]issues=1/);
    const panel = '[data-testid="issues-panel"]';
    await page.waitForSelector(`${panel}[data-loaded="true"][data-final="true"]`);
    // the final check ran when the bundle completed, before these rules existed: a re-check applies them
    await page.click('[data-testid="recheck"]');
    await page.waitForSelector(`${panel} li.issue[data-rule-id="${RULE}"]`);
    const api = await apiGet(`/logs/issues?log_bundle_id=${bundleId}`);
    assert.ok(api.check.is_final && api.check.rules_checked >= 2, JSON.stringify(api.check));
    const wanted = api.issues.filter(i => i.rule_id === RULE);
    assert.deepEqual(sorted(Object.fromEntries(wanted.map(i => [i.node, i.count]))), sorted(perNode), 'one issue per node, every match counted');
    const shown = await page.$$eval(`${panel} li.issue`, lis => lis.map(li => ({
      rule: li.dataset.ruleId, node: li.dataset.node, count: Number(li.dataset.count),
      title: li.querySelector('.issue-title').textContent, severity: li.querySelector('.sev').textContent,
      where: li.querySelector('.issue-node').textContent, evidence: [...li.querySelectorAll('a.evidence-link')].map(a => a.dataset.evidence),
      kb: li.querySelector('a.kb')?.getAttribute('href') ?? null, remediation: li.querySelector('.remediation')?.textContent ?? null,
    })));
    const key = i => `${i.rule} ${i.node}`;
    assert.deepEqual(shown.map(key).sort(), api.issues.map(i => `${i.rule_id} ${i.node ?? ''}`).sort(), 'the panel lists the API\'s issues');
    for (const want of wanted) {
      const got = shown.find(s => s.rule === RULE && s.node === want.node);
      assert.deepEqual(got, {
        rule: RULE, node: want.node, count: want.count, title: 'RPC transport errors', severity: 'major', where: want.node,
        evidence: want.evidence, kb: 'http://kb.bundlescope.local/rules/e2e-ui-transport', remediation: 'Check the network between the CVMs.',
      });
    }
    const state = await page.textContent('[data-testid="check-state"]');
    assert.match(state, /^checked \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, final · \d+ rules$/);
    // the starter rules are skipped too where their services are absent: the summary names the first two reasons
    const reasons = [...new Set(api.skipped.map(s => s.reason))];
    assert.ok(reasons.includes('no logs of hyperv_agent in the bundle'), JSON.stringify(reasons));
    assert.equal(await page.textContent('[data-testid="skipped"] summary'),
      `${api.skipped.length} rule${api.skipped.length === 1 ? '' : 's'} could not run: ${reasons.slice(0, 2).join('; ')}${reasons.length > 2 ? '…' : ''}`);
    assert.equal(await page.getAttribute('[data-testid="issues-toggle"]', 'data-count'), String(api.issues.length));
    issue = wanted.sort((a, b) => a.node.localeCompare(b.node))[0];
    await shot(page, '11-issues.png');
  });

  let evidenceId;
  await step('an evidence link selects its record in the table (by id in the URL, also after a reload); an issue narrows the table', async () => {
    evidenceId = issue.evidence[0];
    const want = await apiGet(`/logs/context?${new URLSearchParams({ log_bundle_id: bundleId, id: evidenceId, before: '0', after: '0' })}`);
    const record = want.records[want.target_index];
    await page.click(`li.issue[data-rule-id="${RULE}"][data-node="${issue.node}"] a.evidence-link[data-evidence="${evidenceId}"]`);
    await page.waitForSelector(`[data-testid="record-detail"][data-id="${evidenceId}"]`);
    assert.equal(await page.textContent('[data-testid="record-message"]'), record.message);
    assert.match(record.message, new RegExp(RULE_QUERY));
    await page.waitForURL(url => new URL(url).searchParams.get('at') === record.time);
    assert.equal(new URL(page.url()).searchParams.get('sel'), evidenceId);
    await page.waitForSelector(`.rt-row.selected[data-id="${evidenceId}"]`);
    await page.reload();
    await page.waitForSelector(`[data-testid="record-detail"][data-id="${evidenceId}"]`);
    await page.waitForSelector(`.rt-row.selected[data-id="${evidenceId}"]`);
    assert.ok(await page.isVisible('[data-testid="issues-panel"]'), 'the panel stays open (URL)');

    await page.click(`li.issue[data-rule-id="${RULE}"][data-node="${issue.node}"] [data-testid="issue-focus"]`);
    await page.waitForURL(url => new URL(url).searchParams.get('cvm_ip') === issue.node);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('start_time'), issue.first_time);
    const inSpan = await allRecords(bundleId, { cvm_ip: issue.node, start_time: issue.first_time, end_time: url.searchParams.get('end_time') });
    assert.ok(inSpan.some(r => r.id === evidenceId), 'the evidence lies in the span');
    assert.ok(inSpan.filter(r => r.message.includes(RULE_QUERY)).length === issue.count, 'every match of the issue lies in the span');
    await expectTotal(page, inSpan.length);
    await page.waitForSelector(`[data-testid="record-detail"][data-id="${evidenceId}"]`);
  });

  let madeId;
  await step('"Make rule" on a record drafts its template and backtests it; a refused save shows the API\'s error; the saved rule fires on a re-check', async () => {
    const draft = await apiCall('POST', `/rules/draft?${new URLSearchParams({ log_bundle_id: bundleId, record_id: evidenceId })}`);
    const here = draft.bundles.find(b => b.log_bundle_id === bundleId);
    assert.ok(here && here.matches > 0, JSON.stringify(here));
    await page.click('[data-testid="make-rule-button"]');
    await page.waitForURL(/[?&]make_rule=1/);
    const editor = '[data-testid="rule-editor"]';
    await page.waitForSelector(`${editor} [data-testid="backtest"]`);
    assert.equal(await page.inputValue(`${editor} input[name="template"]`), draft.rule.match.template);
    assert.match(draft.rule.match.template, new RegExp(RULE_QUERY));
    assert.equal(await page.inputValue(`${editor} input[name="id"]`), draft.rule.id);
    assert.equal(await page.inputValue(`${editor} input[name="services"]`), draft.rule.scope.services.join(', '));
    const bundleResult = `${editor} .backtest-bundle[data-bundle-id="${bundleId}"]`;
    assert.equal(await page.getAttribute(bundleResult, 'data-matches'), String(here.matches));
    assert.equal((await page.textContent(`${bundleResult} [data-field="matches"]`)).trim(), `${fmt(here.matches)} matching record${here.matches === 1 ? '' : 's'}`);
    assert.equal(await page.$$eval(`${bundleResult} table.hits tbody tr`, trs => trs.length), here.hits.length);
    assert.equal(await page.$$eval(`${bundleResult} ul.samples li`, lis => lis.length), here.samples.length);
    await shot(page, '12-rule-editor.png');

    // narrower: only the node of the issue, at least 2 matches; backtest again with the edit
    await page.fill(`${editor} input[name="nodes"]`, issue.node);
    await page.click(`${editor} [data-testid="backtest-again"]`);
    const narrowed = await apiCall('POST', `/rules/backtest?log_bundle_id=${encodeURIComponent(draft.bundles.map(b => b.log_bundle_id).join(','))}`,
      { ...draft.rule, scope: { ...draft.rule.scope, nodes: [issue.node] } });
    const narrowHere = narrowed.bundles.find(b => b.log_bundle_id === bundleId);
    await waitFor('the backtest of the edited rule', async () =>
      assert.equal(await page.getAttribute(bundleResult, 'data-hits'), String(narrowHere.hits.length)));
    assert.equal(await page.getAttribute(bundleResult, 'data-matches'), String(narrowHere.matches));

    expectedStatus = 400;
    await page.fill(`${editor} input[name="title"]`, '');
    await page.click(`${editor} [data-testid="save-rule"]`);
    const refused = await page.textContent(`${editor} [data-testid="save-error"][data-status="400"]`);
    assert.match(refused, /title: required/);
    expectedStatus = null;

    await page.fill(`${editor} input[name="title"]`, 'UI-made: RPC transport errors');
    await page.selectOption(`${editor} select[name="severity"]`, 'minor');
    await page.click(`${editor} [data-testid="save-rule"]`);
    await page.waitForSelector(`${editor} [data-testid="rule-saved"][data-version="1"]`);
    madeId = await page.getAttribute(`${editor} [data-testid="rule-saved"]`, 'data-rule-id');
    assert.equal(madeId, draft.rule.id);
    const stored = await apiGet(`/rules/${madeId}`);
    assert.equal(stored.rule.title, 'UI-made: RPC transport errors');
    assert.equal(stored.rule.match.template, draft.rule.match.template);
    assert.deepEqual(stored.rule.scope.nodes, [issue.node]);

    await page.click(`${editor} [data-testid="recheck-bundle"]`);
    await page.waitForSelector(`${editor} .after-save .form-ok`);
    await page.click('[data-testid="make-rule"] button[aria-label="Close"]');
    await page.waitForSelector(editor, { state: 'detached' });
    assert.equal(new URL(page.url()).searchParams.get('make_rule'), null);
    await page.waitForSelector(`[data-testid="issues-panel"] li.issue[data-rule-id="${madeId}"][data-node="${issue.node}"]`);
  });

  await step('the rules page lists every rule; search and disabling are kept (URL, API) across a reload; its history shows the change', async () => {
    await page.click('[data-testid="nav-rules"]');
    await page.waitForURL(`${base}/rules`);
    await page.waitForSelector('table.rules[data-loaded="true"]');
    const ids = (await apiGet('/rules')).rules.map(v => v.rule.id).sort();
    assert.deepEqual((await page.$$eval('table.rules tbody tr[data-rule-id]', trs => trs.map(tr => tr.dataset.ruleId))).sort(), ids);
    assert.ok(ids.includes(madeId) && ids.includes(RULE));
    await page.fill('form.rules-filters input[name="q"]', 'UI-made');
    await page.press('form.rules-filters input[name="q"]', 'Enter');
    await page.waitForURL(/[?&]q=UI-made/);
    assert.deepEqual(await page.$$eval('table.rules tbody tr[data-rule-id]', trs => trs.map(tr => tr.dataset.ruleId)), [madeId]);
    const row = `table.rules tr[data-rule-id="${madeId}"]`;
    assert.equal(await page.getAttribute(row, 'data-enabled'), 'true');
    await page.click(`${row} [data-testid="toggle-enabled"]`);
    await page.waitForSelector(`${row}[data-enabled="false"][data-version="2"]`);
    const off = await apiGet(`/rules/${madeId}`);
    assert.equal(off.enabled, false);
    assert.equal(off.rule.version, 2);
    await page.selectOption('form.rules-filters select[name="tag"]', 'e2e');
    await page.fill('form.rules-filters input[name="q"]', '');
    await page.press('form.rules-filters input[name="q"]', 'Enter');
    await waitFor('the rules tagged e2e', async () =>
      assert.deepEqual(await page.$$eval('table.rules tbody tr[data-rule-id]', trs => trs.map(tr => tr.dataset.ruleId).sort()), [ABSENT, RULE]));
    await page.selectOption('form.rules-filters select[name="tag"]', '');
    await page.waitForSelector(row);
    await shot(page, '13-rules.png');

    await page.goto(`${base}/rules?q=${encodeURIComponent('UI-made')}`);
    await page.waitForSelector(`${row}[data-enabled="false"]`);
    assert.equal(await page.inputValue('form.rules-filters input[name="q"]'), 'UI-made');
    await page.click(`${row} [data-testid="rule-history"]`);
    await page.waitForURL(/[?&]history=/);
    await page.waitForSelector('[data-testid="history-dialog"] li[data-version="2"]');
    assert.deepEqual(await page.$$eval('[data-testid="history-dialog"] li', lis => lis.map(li => li.dataset.change)), ['updated', 'created']);
  });

  await step('editing a rule: a save on a stale version is refused (409) and the rule reloads; export downloads YAML; import reports what it created', async () => {
    await page.goto(`${base}/rules?q=${RULE}`);
    const row = `table.rules tr[data-rule-id="${RULE}"]`;
    await page.click(`${row} [data-testid="edit-rule"]`);
    await page.waitForURL(new RegExp(`[?&]edit=${RULE}`));
    const editor = '[data-testid="edit-dialog"] [data-testid="rule-editor"]';
    const title = `${editor} input[name="title"]`;
    await page.waitForSelector(`${editor}[data-mode="edit"]`);
    assert.equal(await page.inputValue(title), 'RPC transport errors');
    assert.equal(await page.getAttribute(`${editor} input[name="id"]`, 'readonly'), '');
    const current = (await apiGet(`/rules/${RULE}`)).rule;
    await apiCall('PUT', `/rules/${RULE}`, { ...current, remediation: 'Changed elsewhere.' }); // someone else, meanwhile

    expectedStatus = 409;
    await page.fill(title, 'RPC transport errors (edited)');
    await page.click(`${editor} [data-testid="save-rule"]`);
    assert.match(await page.textContent(`${editor} [data-testid="save-error"][data-status="409"]`), /changed since you opened it/);
    expectedStatus = null;
    await page.click(`${editor} [data-testid="save-error"] button`);
    await waitFor('the reloaded rule', async () =>
      assert.equal(await page.inputValue(`${editor} textarea[name="remediation"]`), 'Changed elsewhere.'));
    assert.equal(await page.inputValue(title), 'RPC transport errors');
    await page.fill(title, 'RPC transport errors (edited)');
    await page.click(`${editor} [data-testid="save-rule"]`);
    await page.waitForSelector(`${editor} [data-testid="rule-saved"][data-version="3"]`);
    const saved = (await apiGet(`/rules/${RULE}`)).rule;
    assert.deepEqual([saved.title, saved.remediation, saved.version], ['RPC transport errors (edited)', 'Changed elsewhere.', 3]);
    await page.click('[data-testid="edit-dialog"] button[aria-label="Close"]');
    await page.waitForSelector(`${row}[data-version="3"]`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-rules"]')]);
    assert.equal(download.suggestedFilename(), 'bundlescope-rules.yaml');
    const yaml = readFileSync(await download.path(), 'utf8');
    assert.match(yaml, /^rules:/);
    assert.match(yaml, new RegExp(`id: ${RULE}`));

    const indent = /^( *)- id:/m.exec(yaml)[1]; // the exported file plus one new rule
    const added = ['- id: e2e-ui-imported', '  title: Imported', '  severity: info', '  match:', '    query: zzz'];
    await page.setInputFiles('[data-testid="import-rules"]', {
      name: 'more-rules.yaml', mimeType: 'text/yaml',
      buffer: Buffer.from(`${yaml.trimEnd()}\n${added.map(l => indent + l).join('\n')}\n`),
    });
    const imported = await page.textContent('[data-testid="import-result"]');
    assert.match(imported, /^created 1 \(e2e-ui-imported\), updated 0, unchanged \d+$/);
    await page.goto(`${base}/rules`);
    await page.waitForSelector('table.rules tr[data-rule-id="e2e-ui-imported"]');
  });

  await step('the Templates facet filters by a template: the total is what /logs/search?template_id= finds; "Similar records" does the same', async () => {
    await page.goto(`${base}/browse/${bundleId}`);
    await expectTotal(page, expected.total);
    const tf = 'section[data-facet="template_id"][data-loaded="true"]';
    await page.waitForSelector(`${tf} label.facet-item`);
    const templates = await apiGet(`/logs/templates?${new URLSearchParams({ log_bundle_id: bundleId, limit: '50' })}`);
    const shown = await page.$$eval(`${tf} label.facet-item`, ls => ls.map(l => ({ id: l.dataset.key, count: Number(l.dataset.count) })));
    assert.deepEqual(shown, templates.templates.slice(0, shown.length).map(t => ({ id: String(t.template_id), count: t.count })));
    const pickT = templates.templates[1];
    await page.click(`${tf} label[data-key="${pickT.template_id}"] input`);
    await page.waitForURL(new RegExp(`[?&]template_id=${pickT.template_id}(&|$)`));
    const byApi = await allRecords(bundleId, { template_id: String(pickT.template_id) });
    assert.equal(byApi.length, pickT.count);
    await expectTotal(page, byApi.length);
    await expectRowsMatch(page, byApi, 'one template');
    await waitFor('the level facet under the template', async () => {
      const levels = await apiGet(`/logs/aggregate?${new URLSearchParams({ log_bundle_id: bundleId, template_id: String(pickT.template_id), group_by: 'log_level' })}`);
      assert.deepEqual(sorted(await facet(page, 'log_level')), sorted(Object.fromEntries(levels.buckets.map(b => [b.key, b.count]))));
    });
    await shot(page, '17-templates.png');

    await page.click(`${tf} h3 button.clear`);
    await expectTotal(page, expected.total);
    const [row] = await visibleRows(page);
    await page.click(`.rt-row[data-id="${row.id}"]`);
    const similar = '[data-testid="record-detail"] [data-testid="similar-records"]';
    const templateId = await page.getAttribute(similar, 'data-template-id');
    assert.equal(templateId, String(everything[row.index].template_id));
    await page.click(similar);
    await page.waitForURL(new RegExp(`[?&]template_id=${templateId}(&|$)`));
    await expectTotal(page, (await allRecords(bundleId, { template_id: templateId })).length);
  });

  if (compareBundlePath) {
    let otherId;
    await step('a second bundle (the same cluster with errors injected) is analyzed and scored', async () => {
      otherId = (await apiCall('POST', `/logs/analyze?${new URLSearchParams({ log_bundle_path: compareBundlePath })}`)).log_bundle_id;
      await waitFor('the second bundle completed and scored', async () => {
        assert.equal((await apiGet(`/logs/job_status?log_bundle_id=${otherId}`)).job_status, 'completed');
        assert.ok((await apiGet(`/logs/anomalies?log_bundle_id=${otherId}`)).scanned_at, 'not scored yet');
      }, 180_000);
    });

    await step('the anomaly threshold shows exactly what /logs/search?anomaly= returns, with badges, reasons and the anomalies list', async () => {
      await page.goto(`${base}/browse/${otherId}`);
      await page.waitForSelector('[data-testid="record-table"]');
      const listed = await apiGet(`/logs/anomalies?${new URLSearchParams({ log_bundle_id: otherId, min_score: '0.5' })}`);
      assert.ok(listed.total >= 2, `the injected errors are anomalous: ${JSON.stringify(listed)}`);
      await page.waitForSelector(`[data-testid="anomaly-list"][data-total="${listed.total}"]`);
      await page.selectOption('[data-testid="anomaly-filter"]', '0.5');
      await page.waitForURL(/[?&]anomaly=0\.5(&|$)/);
      const anomalous = await allRecords(otherId, { anomaly: '0.5' });
      assert.ok(anomalous.length >= 31, `${anomalous.length} anomalous records`);
      for (const r of anomalous) assert.ok(r.anomaly >= 0.5, JSON.stringify(r));
      await expectTotal(page, anomalous.length);
      await expectRowsMatch(page, anomalous, 'anomalous', rows => assert.ok(rows.length > 0));
      const scores = await page.$$eval('.rt-row[data-id]', rs => rs.map(r => Number(r.dataset.anomaly)));
      assert.ok(scores.every(x => x >= 0.5), JSON.stringify(scores));
      assert.equal(await page.$$eval('.rt-row[data-id] [data-testid="anomaly-badge"]', bs => bs.length), scores.length, 'a badge on every row');
      await page.click(`.rt-row[data-id="${anomalous[0].id}"]`);
      const kinds = await page.$$eval('[data-testid="record-detail"] [data-testid="anomaly-reasons"] [data-kind]', ks => ks.map(k => k.dataset.kind));
      assert.deepEqual(kinds, anomalous[0].anomaly_reasons.map(r => r.kind));
      await page.reload();
      await expectTotal(page, anomalous.length);
      assert.equal(await page.inputValue('[data-testid="anomaly-filter"]'), '0.5', 'kept by the URL');
    });

    await step('two bundles compared side by side: per-bundle counts equal the API, the injected templates are flagged only in B, a shared filter changes both sides', async () => {
      await page.goto(base + '/');
      await page.click(`tbody.bundle[data-bundle-id="${bundleId}"] [data-testid="pick"]`);
      await page.click(`tbody.bundle[data-bundle-id="${otherId}"] [data-testid="pick"]`);
      await page.click('[data-testid="compare"]');
      await page.waitForURL(url => new URL(url).pathname === '/compare');
      const url = new URL(page.url());
      assert.deepEqual([url.searchParams.get('a'), url.searchParams.get('b')], [bundleId, otherId]);

      const total = async (id, params) =>
        (await apiGet(`/logs/search?${new URLSearchParams({ log_bundle_id: id, limit: '1', ...params })}`)).total;
      const counts = async (id, groupBy, params) => Object.fromEntries(
        (await apiGet(`/logs/aggregate?${new URLSearchParams({ log_bundle_id: id, group_by: groupBy, ...params })}`)).buckets.map(b => [b.key, b.count]));
      /** Both sides' totals and the level and service counts of A and B (each facet without its own filter). */
      const expectSides = async (params, label) => {
        const [ta, tb] = [await total(bundleId, params), await total(otherId, params)];
        await waitFor(`${label}: totals of A and B`, async () => {
          assert.equal(await page.getAttribute('[data-testid="side-a"]', 'data-total'), String(ta));
          assert.equal(await page.getAttribute('[data-testid="side-b"]', 'data-total'), String(tb));
        });
        for (const group of ['log_level', 'service']) {
          const { [group]: _own, ...others } = params;
          const [ca, cb] = [await counts(bundleId, group, others), await counts(otherId, group, others)];
          await waitFor(`${label}: ${group} of A and B`, async () => {
            const rows = await page.$$eval(`.compare-facet[data-facet="${group}"][data-loaded="true"] tr[data-key]`,
              trs => trs.map(tr => [tr.dataset.key, Number(tr.dataset.a), Number(tr.dataset.b)]));
            const keys = [...new Set([...Object.keys(ca), ...Object.keys(cb)])].sort();
            assert.deepEqual(rows.map(r => r[0]).sort(), keys);
            for (const [key, a, b] of rows) assert.deepEqual([a, b], [ca[key] ?? 0, cb[key] ?? 0], `${group} ${key}`);
          });
        }
        return [ta, tb];
      };
      const [ta, tb] = await expectSides({}, 'no filter');
      assert.equal(ta, expected.total);
      assert.notEqual(ta, tb);

      const diff = '[data-testid="template-diff"][data-loaded="true"]';
      await page.waitForSelector(diff);
      const [inA, inB] = [
        await apiGet(`/logs/templates?${new URLSearchParams({ log_bundle_id: bundleId, limit: '2000' })}`),
        await apiGet(`/logs/templates?${new URLSearchParams({ log_bundle_id: otherId, limit: '2000' })}`),
      ];
      const textsA = new Set(inA.templates.map(t => t.template));
      const onlyB = inB.templates.filter(t => !textsA.has(t.template));
      const injected = onlyB.filter(t => /firmware watchdog|SMART check/.test(t.template));
      assert.equal(injected.length, 2, `the injected templates are only in B: ${JSON.stringify(onlyB.map(t => t.template))}`);
      const flagged = await page.$$eval(`${diff} tr[data-only="b"]`, trs => trs.map(tr => ({ t: tr.dataset.template, a: Number(tr.dataset.a), b: Number(tr.dataset.b) })));
      assert.deepEqual(flagged.map(f => f.t).sort(), onlyB.map(t => t.template).sort(), 'every template only in B is flagged');
      for (const t of injected) assert.deepEqual(flagged.find(f => f.t === t.template), { t: t.template, a: 0, b: t.count });
      const firstRows = await page.$$eval(`${diff} tbody tr`, trs => trs.slice(0, 3).map(tr => tr.dataset.only));
      assert.equal(firstRows[0], 'b', 'templates only in B come first');
      await shot(page, '16-compare.png');

      await page.click(`.compare-facet[data-facet="log_level"] tr[data-key="ERROR"] input`);
      await page.waitForURL(/[?&]log_level=ERROR(&|$)/);
      const [ea, eb] = await expectSides({ log_level: 'ERROR' }, 'ERROR only');
      assert.ok(ea < ta && eb < tb);
      await waitFor('both histograms under the shared filter', async () => {
        assert.equal(await page.getAttribute('[data-testid="side-a"] [data-testid="time-histogram"][data-loaded="true"]', 'data-total'), String(ea));
        assert.equal(await page.getAttribute('[data-testid="side-b"] [data-testid="time-histogram"][data-loaded="true"]', 'data-total'), String(eb));
      });
      const injectedInDiff = await page.$$eval(`${diff} tr[data-only="b"]`, trs => trs.map(tr => tr.dataset.template));
      for (const t of injected) assert.ok(injectedInDiff.includes(t.template), `${t.template} still only in B among the errors`);

      await page.click('[data-testid="to-merged"]');
      await page.waitForURL(url => new URL(url).pathname === `/browse/${bundleId},${otherId}`);
      const both = await allRecords(`${bundleId},${otherId}`, { log_level: 'ERROR' });
      assert.equal(both.length, ea + eb);
      await expectTotal(page, both.length);
      await expectRowsMatch(page, both, 'merged');
      const shownBundles = await page.$$eval('.rt-row[data-id]', rs => [...new Set(rs.map(r => r.dataset.bundle))]);
      assert.ok(shownBundles.every(b => b === bundleId || b === otherId), JSON.stringify(shownBundles));
      assert.ok(await page.$('.rt-row[data-id] .rt-bundle'), 'a bundle column');
    });
  }

  if (liveBundlePath) {
    await step('the Live page fills in while a bundle is ingested: records before completion, heatmap, every ERROR and FATAL, a rule hit, the end', async () => {
      await page.goto(base + '/');
      await page.fill('#bundle-path', liveBundlePath);
      await page.click('form.analyze button[type="submit"]');
      await page.click('[data-testid="watch-live"]');
      await page.waitForURL(/\/live\/[^/?]+\?min_level=ERROR$/);
      const liveId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
      assert.notEqual(liveId, bundleId);
      const records = '[data-testid="live-records"]';

      await page.waitForSelector(`${records} li[data-id]`, { timeout: 60_000 });
      const firstRecordAt = Number(await page.getAttribute('[data-testid="live-page"]', 'data-first-record-at'));
      const statusAtFirstRecord = (await apiGet(`/logs/job_status?log_bundle_id=${liveId}`)).job_status;
      assert.ok(['queued', 'inprogress'].includes(statusAtFirstRecord), `status when records showed: ${statusAtFirstRecord}`);
      assert.equal(await page.$('[data-testid="live-end"]'), null, 'no end banner while records come in');
      assert.equal(await page.getAttribute('[data-testid="live-conn"]', 'data-state'), 'open');
      await page.waitForSelector('[data-testid="live-heatmap"] td[data-count]:not([data-count="0"])');
      await page.waitForSelector('[data-testid="live-progress"][data-records]');

      await page.waitForSelector('[data-testid="live-end"][data-status="completed"]', { timeout: 180_000 });
      const job = await apiGet(`/logs/job_status?log_bundle_id=${liveId}`);
      assert.equal(job.job_status, 'completed');
      assert.ok(firstRecordAt < Date.parse(job.end_time), `first record at ${new Date(firstRecordAt).toISOString()}, completed ${job.end_time}`);
      assert.equal(await page.getAttribute('[data-testid="live-conn"]', 'data-state'), 'ended');
      assert.equal(await page.textContent('[data-testid="live-end"] [data-testid="live-browse"]'), 'Browse the bundle →');

      const levels = await apiGet(`/logs/aggregate?${new URLSearchParams({ log_bundle_id: liveId, group_by: 'log_level' })}`);
      const critical = levels.buckets.filter(b => b.key === 'ERROR' || b.key === 'FATAL').reduce((n, b) => n + b.count, 0);
      const num = async name => Number(await page.getAttribute(records, `data-${name}`));
      assert.equal(await num('dropped'), 0, 'nothing dropped');
      assert.equal(await page.$('[data-testid="live-dropped"]'), null);
      const listed = await num('listed');
      assert.equal(listed, await page.$$eval(`${records} li[data-id]`, lis => lis.length), 'every kept record is listed');
      assert.ok(listed <= 2000, `${listed} records kept`);
      assert.equal(listed + (await num('scrolled-out')), critical, 'listed + scrolled out = the ERROR and FATAL records of the bundle');
      assert.equal(await num('received'), critical);
      const heat = await page.$$eval('[data-testid="live-heatmap"] tr[data-row] td', tds => tds.reduce((n, td) => n + Number(td.dataset.count), 0));
      assert.equal(heat, critical, 'the heatmap counts every ERROR and FATAL record');
      const levelsShown = await page.$$eval(`${records} li[data-id]`, lis => [...new Set(lis.map(li => li.dataset.level))]);
      assert.ok(levelsShown.every(l => l === 'ERROR' || l === 'FATAL'), JSON.stringify(levelsShown));

      const issues = await apiGet(`/logs/issues?log_bundle_id=${liveId}`);
      assert.ok(issues.check.is_final, 'the end came after the final rule check');
      const fired = issues.issues.filter(i => i.rule_id === RULE).map(i => i.node).sort();
      assert.ok(fired.length > 0, `${RULE} fired on no node`);
      const shownHits = await page.$$eval(`[data-testid="rule-hits"] li[data-rule-id="${RULE}"]`, lis => lis.map(li => li.dataset.node).sort());
      assert.deepEqual(shownHits, fired, `a rule_hit for ${RULE} on each node /logs/issues names`);
      assert.ok(await page.$(`[data-testid="rule-hits"] li[data-rule-id="${RULE}"] .sev`), 'with its severity badge');
      await shot(page, '14-live.png');

      const newest = await page.getAttribute(`${records} li[data-id]`, 'data-id');
      await page.click(`${records} li[data-id="${newest}"] a`);
      await page.waitForURL(url => new URL(url).pathname === `/browse/${liveId}` && new URL(url).searchParams.get('sel') === newest);
      await page.waitForSelector(`[data-testid="record-detail"][data-id="${newest}"]`);

      await page.goBack();
      await page.waitForSelector('[data-testid="live-end"][data-status="completed"]');
      await page.selectOption('.live-page select[name="min_level"]', 'FATAL');
      await page.waitForURL(/min_level=FATAL/);
      // the new stream connects, then ends at once (the bundle is complete); the previous end banner may show meanwhile
      await waitFor('the FATAL stream ended', async () =>
        assert.equal(await page.getAttribute('[data-testid="live-conn"]', 'data-state'), 'ended'));
      await page.waitForSelector('[data-testid="live-end"][data-status="completed"]');
    });
  }

  await step('the cluster page lists this single node, Up and coordinator, with its bundles and shard placement', async () => {
    await page.goto(`${base}/cluster`);
    await page.waitForSelector('[data-testid="cluster-member"]');
    assert.equal(await page.locator('[data-testid="cluster-member"]').count(), 1);
    assert.equal((await page.textContent('[data-testid="member-status"]')).trim(), 'up');
    const members = await (await fetch(`${base}/cluster/members`)).json();
    assert.equal(members.members.length, 1);
    assert.ok(members.members[0].bundles_total >= 1, 'the node hosts the bundles of this run');
    await page.waitForSelector('[data-testid="cluster-shards"]');
    await shot(page, '15-cluster.png');
  });

  await step('the page raised no error', async () => {
    assert.deepEqual(pageErrors, []);
  });
  console.log('web UI: all checks passed');
} catch (e) {
  exitCode = 1;
  console.error(`FAILED: ${e?.stack ?? e}`);
  console.error(`page: ${page.url()}`);
  if (pageErrors.length) console.error(pageErrors.join('\n'));
  await page.screenshot({ path: join(shots, 'failure.png') }).catch(() => undefined);
  console.error(`screenshot ${join(shots, 'failure.png')}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);
