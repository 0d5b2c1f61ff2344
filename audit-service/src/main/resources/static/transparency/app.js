// Civitas transparency dashboard. Same-origin data only; no libraries, no inline code (CSP).
// Signature checks come from proofs.js, loaded before this script.
'use strict';

(function () {
  const REPORT = '/api/v1/transparency/report';
  const TREE_HEAD = '/api/v1/audit/tree-head';
  const PUBLIC_KEY = '/api/v1/audit/public-key';
  const REGISTRY = '/api/v1/public/registry';
  const SVG = 'http://www.w3.org/2000/svg';

  const $ = (id) => document.getElementById(id);

  // Builds elements from text only, so nothing from the server is ever parsed as HTML.
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v !== undefined && v !== null) node.setAttribute(k, v);
    });
    (children || []).forEach((c) => {
      node.appendChild(typeof c === 'string' || typeof c === 'number'
        ? document.createTextNode(String(c)) : c);
    });
    return node;
  }

  function svg(tag, attrs, children) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    (children || []).forEach((c) => node.appendChild(
      typeof c === 'string' ? document.createTextNode(c) : c));
    return node;
  }

  function replace(id, ...nodes) {
    const target = $(id);
    target.replaceChildren(...nodes);
  }

  const show = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));
  const fmt = (n) => Number(n || 0).toLocaleString('en');

  function table(caption, columns, rows) {
    if (!rows || rows.length === 0) {
      return el('p', { class: 'empty' }, ['None in this period.']);
    }
    const head = el('tr', {}, columns.map((c) =>
      el('th', { scope: 'col', class: c.num ? 'num' : null }, [c.label])));
    const body = rows.map((r) => el('tr', {}, columns.map((c) => {
      const value = c.render ? c.render(r) : (c.num ? fmt(r[c.key]) : show(r[c.key]));
      return el('td', { class: c.num ? 'num' : null },
        [value instanceof Node ? value : String(value)]);
    })));
    return el('div', { class: 'table-wrap' }, [
      el('table', {}, [el('caption', {}, [caption]), el('thead', {}, [head]),
        el('tbody', {}, body)])]);
  }

  function figure(label, value) {
    return el('div', { class: 'figure' }, [el('strong', {}, [fmt(value)]), label]);
  }

  // --- Dates -------------------------------------------------------------------------------

  function isoDay(date) {
    return date.toISOString().slice(0, 10);
  }

  function initRange() {
    const params = new URLSearchParams(window.location.search);
    const today = new Date();
    const start = new Date(today.getTime() - 29 * 86400000);
    $('from').value = params.get('from') || isoDay(start);
    $('to').value = params.get('to') || isoDay(today);
  }

  function query() {
    return 'from=' + encodeURIComponent($('from').value) + '&to=' + encodeURIComponent($('to').value);
  }

  // --- Signatures (WebCrypto Ed25519) ------------------------------------------------------

  const { canonical, importKey, verifySignature: verify } = window.CivitasProofs;

  function verdict(ok, reason) {
    return el('span', { class: ok ? 'verified' : 'not-verified' },
      [ok ? 'verified' : 'not verified' + (reason ? ' (' + reason + ')' : '')]);
  }

  async function renderProof(report) {
    const rows = [];
    let head = null;
    let keyDoc = null;
    try {
      [head, keyDoc] = await Promise.all([getJson(TREE_HEAD), getJson(PUBLIC_KEY)]);
    } catch (e) {
      replace('proof', el('dt', {}, ['Status']), el('dd', {}, [verdict(false, e.message)]));
      return;
    }
    let key = null;
    let problem = null;
    try {
      key = await importKey(keyDoc.publicKeyPem);
      if (key.keyId !== keyDoc.keyId) problem = 'the key id does not match the key';
    } catch (e) {
      problem = e.message || 'the key could not be used';
    }
    const headText = head.treeSize + '\n' + head.rootHash + '\n' + head.timestamp;
    let headOk = false;
    let reportOk = false;
    let reportHeadOk = false;
    if (key && !problem) {
      try {
        headOk = await verify(key.key, head.signature, headText);
        const unsigned = Object.assign({}, report);
        delete unsigned.signature;
        reportOk = report.keyId === key.keyId
          && await verify(key.key, report.signature, canonical(unsigned));
        const rh = report.treeHead;
        reportHeadOk = await verify(key.key, rh.signature,
          rh.treeSize + '\n' + rh.rootHash + '\n' + rh.timestamp);
      } catch (e) {
        problem = e.message || 'verification failed';
      }
    }
    rows.push(['Latest signed tree head', verdict(headOk && !problem, problem)]);
    rows.push(['Events in the log', fmt(head.treeSize)]);
    rows.push(['Root hash', head.rootHash]);
    rows.push(['Signed at', new Date(head.timestamp).toISOString()]);
    rows.push(['Key id', head.keyId]);
    rows.push(['This report\'s signature', verdict(reportOk && reportHeadOk && !problem, problem)]);
    rows.push(['Report computed at tree size', fmt(report.treeHead.treeSize)]);
    const nodes = [];
    rows.forEach(([label, value]) => {
      nodes.push(el('dt', {}, [label]));
      nodes.push(el('dd', {}, [value]));
    });
    replace('proof', ...nodes);
  }

  // --- Charts ------------------------------------------------------------------------------

  function dayRange(from, to) {
    const days = [];
    for (let d = new Date(from + 'T00:00:00Z'); isoDay(d) <= to && days.length < 3700;
      d = new Date(d.getTime() + 86400000)) {
      days.push(isoDay(d));
    }
    return days;
  }

  function requestsChart(report, purpose) {
    const days = dayRange(report.from, report.to);
    const perDay = new Map(days.map((d) => [d, { PERMIT: 0, DENY: 0 }]));
    report.accessRequests.byDay.forEach((r) => {
      if (purpose && r.purpose !== purpose) return;
      const cell = perDay.get(r.day);
      if (cell) cell[r.decision === 'DENY' ? 'DENY' : 'PERMIT'] += r.requests;
    });
    const max = Math.max(1, ...[...perDay.values()].map((c) => c.PERMIT + c.DENY));
    const width = 720;
    const height = 240;
    const left = 48;
    const bottom = 28;
    const plotH = height - bottom - 10;
    const step = (width - left - 8) / days.length;
    const barW = Math.max(1, step * 0.8);
    const title = 'Access requests per day' + (purpose ? ' for purpose ' + purpose : '')
      + ', permitted and denied';
    const total = [...perDay.values()].reduce((s, c) => s + c.PERMIT + c.DENY, 0);
    const chart = svg('svg', {
      viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': 'chart-title chart-desc',
    }, [
      svg('title', { id: 'chart-title' }, [title]),
      svg('desc', { id: 'chart-desc' }, [fmt(total) + ' requests from ' + report.from + ' to '
        + report.to + '; the table below lists the same figures.']),
      svg('line', { class: 'axis', x1: left, y1: 10 + plotH, x2: width, y2: 10 + plotH }),
      svg('line', { class: 'axis', x1: left, y1: 10, x2: left, y2: 10 + plotH }),
      svg('text', { x: left - 6, y: 16, 'text-anchor': 'end' }, [String(max)]),
      svg('text', { x: left - 6, y: 10 + plotH, 'text-anchor': 'end' }, ['0']),
    ]);
    days.forEach((day, i) => {
      const c = perDay.get(day);
      const x = left + 4 + i * step;
      const permitH = (c.PERMIT / max) * plotH;
      const denyH = (c.DENY / max) * plotH;
      const label = day + ': ' + c.PERMIT + ' permitted, ' + c.DENY + ' denied';
      chart.appendChild(svg('rect', { class: 'bar-permit', x, width: barW,
        y: 10 + plotH - permitH, height: permitH }, [svg('title', {}, [label])]));
      chart.appendChild(svg('rect', { class: 'bar-deny', x, width: barW,
        y: 10 + plotH - permitH - denyH, height: denyH }, [svg('title', {}, [label])]));
      if (days.length <= 31 ? i % Math.ceil(days.length / 8) === 0 : i % Math.ceil(days.length / 6) === 0) {
        chart.appendChild(svg('text', { x: x + barW / 2, y: height - 8, 'text-anchor': 'middle' },
          [day.slice(5)]));
      }
    });
    const legend = el('p', { class: 'legend' }, [
      el('span', {}, [el('span', { class: 'swatch permit', 'aria-hidden': 'true' }), 'permitted']),
      el('span', {}, [el('span', { class: 'swatch deny', 'aria-hidden': 'true' }), 'denied']),
    ]);
    return [chart, legend];
  }

  function renderRequests(report) {
    const ar = report.accessRequests;
    replace('requests-summary', figure('requests', ar.requests), figure('permitted', ar.permitted),
      figure('denied', ar.denied), figure('records returned', ar.records));
    const purposes = [...new Set(ar.byDay.map((r) => r.purpose).filter((p) => p))].sort();
    const select = el('select', { id: 'purpose-filter' },
      [el('option', { value: '' }, ['All purposes'])].concat(
        purposes.map((p) => el('option', { value: p }, [p]))));
    const chartBox = el('div', {});
    const draw = () => chartBox.replaceChildren(...requestsChart(report, select.value));
    select.addEventListener('change', draw);
    draw();
    replace('requests-chart',
      el('p', {}, [el('label', { for: 'purpose-filter' }, ['Purpose shown in the chart ']), select]),
      chartBox,
      el('details', {}, [el('summary', {}, ['Figures per day (table)']),
        table('Access requests per day, purpose and decision', [
          { key: 'day', label: 'Day' }, { key: 'purpose', label: 'Purpose' },
          { key: 'decision', label: 'Decision' }, { key: 'requests', label: 'Requests', num: true },
          { key: 'records', label: 'Records', num: true }], ar.byDay)]));
    replace('requests-purpose', table('Access requests by purpose, kind and decision', [
      { key: 'purpose', label: 'Purpose' }, { key: 'action', label: 'Kind' },
      { key: 'decision', label: 'Decision' }, { key: 'requests', label: 'Requests', num: true },
      { key: 'records', label: 'Records', num: true }], ar.byPurpose));
    replace('requests-role', table('Access requests by role, organization and decision', [
      { key: 'role', label: 'Role' }, { key: 'organization', label: 'Organization' },
      { key: 'decision', label: 'Decision' }, { key: 'requests', label: 'Requests', num: true },
      { key: 'records', label: 'Records', num: true }], ar.byRole));
  }

  function renderOthers(report) {
    const le = report.lawEnforcement;
    replace('le-summary', figure('requests', le.requests), figure('with a warrant', le.withWarrant),
      figure('without a warrant', le.withoutWarrant), figure('denied', le.denied));
    replace('le-table', table('Law-enforcement requests per day', [
      { key: 'day', label: 'Day' },
      { key: 'warrant', label: 'Warrant', render: (r) => (r.warrant ? 'yes' : 'no') },
      { key: 'decision', label: 'Decision' }, { key: 'requests', label: 'Requests', num: true }],
    le.byDay));
    const byDestination = report.exportsByDestination || [];
    const total = (key) => byDestination.reduce((s, r) => s + r[key], 0);
    replace('exports-summary', figure('export requests', total('requests')),
      figure('permitted', total('permitted')), figure('denied', total('denied')),
      figure('readings exported', total('records')));
    replace('exports-destination', table('Export requests by destination country', [
      { key: 'destinationCountry', label: 'Destination',
        render: (r) => r.destinationCountry || 'not recorded' },
      { key: 'requests', label: 'Requests', num: true },
      { key: 'permitted', label: 'Permitted', num: true },
      { key: 'denied', label: 'Denied', num: true },
      { key: 'records', label: 'Readings exported', num: true }], byDestination));
    replace('exports', table('Exports by destination country', [
      { key: 'destinationCountry', label: 'Destination' }, { key: 'category', label: 'Category' },
      { key: 'decision', label: 'Decision' }, { key: 'requests', label: 'Requests', num: true },
      { key: 'records', label: 'Records', num: true }], report.exports));
    replace('purges', table('Readings deleted when their retention ended, by category', [
      { key: 'category', label: 'Category' }, { key: 'purges', label: 'Sweeps', num: true },
      { key: 'records', label: 'Readings deleted', num: true }], report.retentionPurges));
    replace('residency', table('Readings refused because of data-residency rules', [
      { key: 'category', label: 'Category' }, { key: 'blocks', label: 'Blocks', num: true },
      { key: 'records', label: 'Readings', num: true }], report.residencyBlocks));
    replace('policies', table('Policy versions published', [
      { key: 'policyVersion', label: 'Version' }, { key: 'day', label: 'Day' },
      { key: 'organization', label: 'Published by' }], report.policyVersions));
  }

  // --- Registry ----------------------------------------------------------------------------

  function place(sensor) {
    const where = sensor.jurisdiction || 'Unknown place';
    if (sensor.location && sensor.location.lat != null && sensor.location.lon != null) {
      return where + ' (' + Number(sensor.location.lat).toFixed(3) + ', '
        + Number(sensor.location.lon).toFixed(3) + ')';
    }
    return where;
  }

  async function renderRegistry() {
    let registry;
    try {
      registry = await getJson(REGISTRY);
    } catch (e) {
      replace('registry', el('p', { class: 'empty' }, ['The sensor registry is not available here; '
        + 'it is served by the policy service through the gateway.']));
      return;
    }
    const groups = new Map();
    (registry.sensors || []).forEach((s) => {
      (s.categories && s.categories.length ? s.categories : [{ category: null }]).forEach((c) => {
        const key = place(s) + '\u0000' + (c.category || '');
        if (!groups.has(key)) groups.set(key, { place: place(s), category: c.category, rows: [] });
        groups.get(key).rows.push({ sensor: s, category: c });
      });
    });
    const sorted = [...groups.values()].sort((a, b) =>
      (a.place + a.category).localeCompare(b.place + b.category));
    if (sorted.length === 0) {
      replace('registry', el('p', { class: 'empty' }, ['No active sensors are registered.']));
      return;
    }
    const list = (v) => (v && v.length ? v.join(', ') : '—');
    const sections = sorted.map((g) => el('section', {}, [
      el('h3', {}, [g.place + ' — ' + show(g.category)]),
      table('Sensors at ' + g.place + ' collecting ' + show(g.category), [
        { key: 'id', label: 'Sensor', render: (r) => show(r.sensor.sensorId) + ' (' + show(r.sensor.type) + ')' },
        { key: 'p', label: 'Purposes', render: (r) => list(r.sensor.purposes) },
        { key: 'l', label: 'Legal basis', render: (r) => show(r.sensor.legalBasis) },
        { key: 'r', label: 'Retention', render: (r) => show(r.category.retention) },
        { key: 's', label: 'Stored in / sent to', render: (r) => list(r.category.storeIn) + ' / ' + list(r.category.transferTo) },
        { key: 'v', label: 'Vendor', render: (r) => show(r.sensor.vendorId) },
        { key: 'a', label: 'Accountable', render: (r) => show(r.sensor.accountableOrganization) },
        { key: 'f', label: 'Flags', render: (r) => (r.sensor.flags && r.sensor.flags.length
          ? el('span', {}, r.sensor.flags.map((f) => el('span', { class: 'flag' }, [f])))
          : 'none') },
      ], g.rows)]));
    replace('registry', el('p', {}, ['Active policy version: ' + show(registry.policyVersion)]),
      ...sections);
  }

  // --- Loading -----------------------------------------------------------------------------

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(url + ' answered ' + response.status);
    return response.json();
  }

  async function load() {
    const status = $('status');
    status.classList.remove('error');
    status.textContent = 'Loading…';
    const q = query();
    const name = 'transparency-report-' + $('from').value + '-' + $('to').value;
    $('download-json').setAttribute('href', REPORT + '?' + q);
    $('download-json').setAttribute('download', name + '.json');
    $('download-csv').setAttribute('href', REPORT + '?' + q + '&format=csv');
    $('download-csv').setAttribute('download', name + '.csv');
    try {
      const report = await getJson(REPORT + '?' + q);
      renderRequests(report);
      renderOthers(report);
      status.textContent = 'Showing ' + report.from + ' to ' + report.to
        + ' (generated ' + report.generatedAt + ').';
      await renderProof(report);
    } catch (e) {
      status.classList.add('error');
      status.textContent = 'The report could not be loaded: ' + e.message;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    initRange();
    $('range').addEventListener('submit', (event) => {
      event.preventDefault();
      const url = new URL(window.location.href);
      url.searchParams.set('from', $('from').value);
      url.searchParams.set('to', $('to').value);
      window.history.replaceState(null, '', url);
      load();
    });
    load();
    renderRegistry();
  });
}());
