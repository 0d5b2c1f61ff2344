// Civitas auditor view: OIDC sign-in (authorization code with PKCE, public client), event-level
// search of the audit log, and inclusion and consistency proofs checked in the browser.
// No libraries, no inline code (CSP); the token stays in this tab's session storage.
'use strict';

(function () {
  const P = window.CivitasProofs;
  const SIGN_IN = '/transparency/sign-in';
  const AUDITOR_PAGE = '/transparency/auditor';
  const EVENTS = '/api/v1/audit/events';
  const INCLUSION = '/api/v1/audit/proofs/inclusion';
  const CONSISTENCY = '/api/v1/audit/proofs/consistency';
  const TREE_HEAD = '/api/v1/audit/tree-head';
  const TREE_HEADS = '/api/v1/audit/tree-heads';
  const PUBLIC_KEY = '/api/v1/audit/public-key';
  const SESSION = 'civitas.auditor.session';
  const PENDING = 'civitas.auditor.pending';

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

  const show = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));

  function definitions(rows) {
    const nodes = [];
    rows.forEach(([label, value]) => {
      nodes.push(el('dt', {}, [label]));
      nodes.push(el('dd', {}, [value]));
    });
    return el('dl', { class: 'proof' }, nodes);
  }

  // --- Session ------------------------------------------------------------------------------

  function session() {
    try {
      const s = JSON.parse(sessionStorage.getItem(SESSION));
      if (s && s.accessToken && s.expiresAt > Date.now()) return s;
    } catch (e) {
      // an unreadable session is no session
    }
    sessionStorage.removeItem(SESSION);
    return null;
  }

  function claimsOf(jwt) {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = P.base64ToBytes(payload + '='.repeat((4 - (payload.length % 4)) % 4));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  async function signInSettings() {
    const response = await fetch(SIGN_IN, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('the sign-in settings are not available');
    return response.json();
  }

  async function discover(issuer) {
    const response = await fetch(issuer.replace(/\/$/, '') + '/.well-known/openid-configuration',
      { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('the sign-in service answered ' + response.status);
    return response.json();
  }

  const randomText = (bytes) => P.base64Url(crypto.getRandomValues(new Uint8Array(bytes)));

  async function signIn() {
    const status = $('session-status');
    status.textContent = 'Redirecting to the sign-in page…';
    try {
      const settings = await signInSettings();
      if (!settings.enabled) {
        status.textContent = 'Auditor sign-in is not configured for this deployment.';
        return;
      }
      const oidc = await discover(settings.issuer);
      const verifier = randomText(32);
      const challenge = P.base64Url(await P.sha256(new TextEncoder().encode(verifier)));
      const state = randomText(16);
      const redirectUri = window.location.origin + settings.redirectPath;
      sessionStorage.setItem(PENDING, JSON.stringify({
        verifier, state, redirectUri, clientId: settings.clientId,
        tokenEndpoint: oidc.token_endpoint,
      }));
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: settings.clientId,
        redirect_uri: redirectUri,
        scope: 'openid',
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      });
      window.location.assign(oidc.authorization_endpoint + '?' + query);
    } catch (e) {
      status.textContent = 'Sign-in could not start: ' + e.message;
    }
  }

  async function completeSignIn(params) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    // the code is single-use and must not stay in the address bar or history
    window.history.replaceState(null, '', AUDITOR_PAGE);
    if (params.get('error')) {
      throw new Error('the sign-in service refused (' + params.get('error') + ')');
    }
    if (!pending || pending.state !== params.get('state')) {
      throw new Error('the sign-in answer does not belong to a sign-in started here');
    }
    const response = await fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: params.get('code'),
        redirect_uri: pending.redirectUri,
        client_id: pending.clientId,
        code_verifier: pending.verifier,
      }),
    });
    if (!response.ok) throw new Error('the token request answered ' + response.status);
    const tokens = await response.json();
    const claims = claimsOf(tokens.access_token);
    sessionStorage.setItem(SESSION, JSON.stringify({
      accessToken: tokens.access_token,
      expiresAt: Date.now() + (Number(tokens.expires_in) || 300) * 1000,
      subject: claims.sub,
      roles: claims.roles || [],
      organization: claims.organization,
    }));
  }

  function signOut() {
    sessionStorage.removeItem(SESSION);
    renderSession();
  }

  function renderSession(message) {
    const s = session();
    const status = $('session-status');
    $('sign-in').hidden = Boolean(s);
    $('sign-out').hidden = !s;
    $('auditor').hidden = !s;
    if (!s) {
      status.textContent = message || 'Not signed in. The event-level view is for auditors.';
      return false;
    }
    status.replaceChildren('Signed in as ', el('strong', { id: 'signed-in-subject' }, [s.subject]),
      ' (' + (s.roles.join(', ') || 'no roles') + (s.organization ? ', ' + s.organization : '')
      + '), until ' + new Date(s.expiresAt).toISOString().slice(11, 16) + ' UTC.'
      + (s.roles.includes('AUDITOR') ? '' : ' This account has no AUDITOR role: the log will refuse it.'));
    return true;
  }

  class SignedOut extends Error {}

  async function api(path) {
    const s = session();
    if (!s) {
      renderSession('Your sign-in has ended; sign in again.');
      throw new SignedOut('not signed in');
    }
    const response = await fetch(path, {
      headers: { Authorization: 'Bearer ' + s.accessToken, Accept: 'application/json' },
    });
    if (response.status === 401) {
      sessionStorage.removeItem(SESSION);
      renderSession('Your sign-in has ended; sign in again.');
      throw new SignedOut('the sign-in has ended');
    }
    if (response.status === 403) throw new Error('this account may not read the audit log');
    if (!response.ok) throw new Error(path.split('?')[0] + ' answered ' + response.status);
    return response.json();
  }

  async function publicJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(path.split('?')[0] + ' answered ' + response.status);
    return response.json();
  }

  let logKey = null;
  async function key() {
    if (!logKey) {
      const doc = await publicJson(PUBLIC_KEY);
      const imported = await P.importKey(doc.publicKeyPem);
      if (imported.keyId !== doc.keyId) throw new Error('the key id does not match the key');
      logKey = imported;
    }
    return logKey;
  }

  async function headVerified(head) {
    const k = await key();
    return head.keyId === k.keyId && P.verifyHead(k.key, head);
  }

  // --- Search -------------------------------------------------------------------------------

  const isoDay = (date) => date.toISOString().slice(0, 10);
  let currentPage = 0;
  // answers of superseded searches and checks are dropped, so the page shows the latest request
  let searchSeq = 0;
  let inclusionSeq = 0;

  function initSearch() {
    const today = new Date();
    $('search-from').value = isoDay(new Date(today.getTime() - 6 * 86400000));
    $('search-to').value = isoDay(today);
  }

  function searchQuery(page) {
    const q = new URLSearchParams();
    if ($('search-from').value) q.set('from', $('search-from').value + 'T00:00:00Z');
    if ($('search-to').value) {
      const end = new Date(Date.parse($('search-to').value + 'T00:00:00Z') + 86400000);
      q.set('to', end.toISOString());
    }
    ['action', 'actor', 'purpose'].forEach((name) => {
      const value = $('search-' + name).value.trim();
      if (value) q.set(name, value);
    });
    q.set('page', String(page));
    q.set('size', $('search-size').value);
    return q;
  }

  function actorText(actor) {
    if (!actor) return '—';
    return show(actor.subject) + ' (' + ((actor.roles || []).join('+') || 'no role')
      + (actor.organization ? ', ' + actor.organization : '') + ')';
  }

  function resourceText(resource) {
    if (!resource) return '—';
    const parts = [resource.category, resource.sensorId, resource.destinationCountry
      ? 'to ' + resource.destinationCountry : null].filter((p) => p);
    return parts.length ? parts.join(' / ') : '—';
  }

  function resultsTable(items) {
    if (items.length === 0) return el('p', { class: 'empty' }, ['No events match.']);
    const columns = ['Leaf', 'Time (UTC)', 'Action', 'Actor', 'Purpose', 'Resource', 'Decision',
      'Records', 'Proof'];
    const rows = items.map((item) => {
      const e = item.event;
      const check = el('button', {
        type: 'button', class: 'secondary small', 'data-leaf': item.leafIndex,
        'aria-label': 'Check inclusion of event ' + item.leafIndex,
      }, ['Check inclusion']);
      check.addEventListener('click', () => checkInclusion(item));
      return el('tr', {}, [
        el('td', { class: 'num' }, [String(item.leafIndex)]),
        el('td', {}, [show(e.occurredAt)]),
        el('td', {}, [show(e.action)]),
        el('td', {}, [actorText(e.actor)]),
        el('td', {}, [show(e.purpose)]),
        el('td', {}, [resourceText(e.resource)]),
        el('td', {}, [show(e.decision) + (e.reason ? ': ' + e.reason : '')]),
        el('td', { class: 'num' }, [show(e.recordCount)]),
        el('td', {}, [check]),
      ]);
    });
    return el('div', { class: 'table-wrap' }, [el('table', { id: 'events-table' }, [
      el('caption', {}, ['Audit events, oldest first']),
      el('thead', {}, [el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, [c])))]),
      el('tbody', {}, rows)])]);
  }

  async function search(page) {
    const status = $('search-status');
    status.classList.remove('error');
    status.textContent = 'Searching…';
    const mine = ++searchSeq;
    try {
      const result = await api(EVENTS + '?' + searchQuery(page));
      if (mine !== searchSeq) return;
      currentPage = result.page;
      $('results').replaceChildren(resultsTable(result.items));
      const pages = Math.max(1, Math.ceil(result.total / result.size));
      $('paging').hidden = result.total <= result.size;
      $('page-position').textContent = 'Page ' + (result.page + 1) + ' of ' + pages;
      $('page-previous').disabled = result.page === 0;
      $('page-next').disabled = result.page + 1 >= pages;
      status.textContent = result.total + ' event' + (result.total === 1 ? '' : 's') + ' found.';
    } catch (e) {
      if (mine === searchSeq && !(e instanceof SignedOut)) {
        status.classList.add('error');
        status.textContent = 'The search failed: ' + e.message;
      }
    }
  }

  // --- Inclusion ------------------------------------------------------------------------------

  async function checkInclusion(item) {
    const box = $('inclusion');
    box.replaceChildren(el('p', {}, ['Checking event ' + item.leafIndex + '…']));
    const mine = ++inclusionSeq;
    try {
      const head = await publicJson(TREE_HEAD);
      const headOk = await headVerified(head);
      const leaf = await P.eventLeafHash(item.event);
      const rows = [['Event', 'leaf ' + item.leafIndex + ', ' + show(item.event.action) + ' at '
        + show(item.event.occurredAt)]];
      let reason = null;
      let root = null;
      if (item.leafIndex >= head.treeSize) {
        reason = 'the event is newer than the latest signed tree head; heads are signed every few'
          + ' seconds, try again shortly';
      } else {
        const proof = await api(INCLUSION + '?leafIndex=' + item.leafIndex
          + '&treeSize=' + head.treeSize);
        const leafMatches = P.equalBytes(leaf, P.base64ToBytes(item.leafHash))
          && P.equalBytes(leaf, P.base64ToBytes(proof.leafHash));
        root = await P.inclusionRoot(item.leafIndex, head.treeSize, leaf,
          proof.auditPath.map(P.base64ToBytes));
        rows.push(['Audit path', proof.auditPath.length + ' hashes']);
        if (!headOk) reason = 'the tree head signature does not verify';
        else if (!leafMatches) reason = 'the event does not hash to its leaf hash';
        else if (!root || !P.equalBytes(root, P.base64ToBytes(head.rootHash))) {
          reason = 'the recomputed root differs from the signed root';
        }
      }
      rows.unshift(['Result', verdictNode('inclusion-verdict', reason === null, reason)]);
      rows.push(['Event hash (recomputed)', P.bytesToBase64(leaf)]);
      rows.push(['Signed tree head', 'size ' + head.treeSize + ', signed at '
        + new Date(head.timestamp).toISOString() + ', signature '
        + (headOk ? 'verified' : 'not verified')]);
      rows.push(['Root hash (signed)', head.rootHash]);
      rows.push(['Root hash (recomputed)', root ? P.bytesToBase64(root) : '—']);
      if (mine === inclusionSeq) box.replaceChildren(definitions(rows));
    } catch (e) {
      if (mine === inclusionSeq && !(e instanceof SignedOut)) {
        box.replaceChildren(definitions([['Result',
          verdictNode('inclusion-verdict', false, e.message)]]));
      }
    }
  }

  function verdictNode(id, ok, reason) {
    return el('span', {}, [
      el('span', { id, class: ok ? 'verified' : 'not-verified' }, [ok ? 'verified' : 'not verified']),
      !ok && reason ? ' (' + reason + ')' : '']);
  }

  // --- Consistency ----------------------------------------------------------------------------

  let heads = [];

  async function loadHeads() {
    const box = $('consistency');
    try {
      const all = await publicJson(TREE_HEADS + '?limit=200');
      const bySize = new Map();
      all.forEach((h) => { if (h.treeSize > 0 && !bySize.has(h.treeSize)) bySize.set(h.treeSize, h); });
      heads = [...bySize.values()].sort((a, b) => a.treeSize - b.treeSize);
      const options = () => heads.map((h, i) => el('option', { value: String(i) }, [
        'size ' + h.treeSize + ', signed ' + new Date(h.timestamp).toISOString()]));
      $('first-head').replaceChildren(...options());
      $('second-head').replaceChildren(...options());
      if (heads.length === 0) {
        box.replaceChildren(el('p', { class: 'empty' }, ['No signed tree heads yet.']));
        return;
      }
      $('first-head').value = '0';
      $('second-head').value = String(heads.length - 1);
    } catch (e) {
      box.replaceChildren(el('p', { class: 'error' }, ['Tree heads could not be loaded: ' + e.message]));
    }
  }

  async function checkConsistency() {
    const box = $('consistency');
    const first = heads[Number($('first-head').value)];
    const second = heads[Number($('second-head').value)];
    if (!first || !second) return;
    box.replaceChildren(el('p', {}, ['Checking…']));
    try {
      let reason = null;
      const rows = [];
      if (first.treeSize > second.treeSize) {
        reason = 'choose the earlier (smaller) tree head first';
      } else {
        const signaturesOk = (await headVerified(first)) && (await headVerified(second));
        const proof = await api(CONSISTENCY + '?first=' + first.treeSize + '&second='
          + second.treeSize);
        const consistent = await P.verifyConsistency(first.treeSize, second.treeSize,
          P.base64ToBytes(first.rootHash), P.base64ToBytes(second.rootHash),
          proof.proof.map(P.base64ToBytes));
        rows.push(['Proof', proof.proof.length + ' hashes']);
        if (!signaturesOk) reason = 'a tree head signature does not verify';
        else if (!consistent) reason = 'the later tree does not extend the earlier one';
      }
      rows.unshift(['Result', verdictNode('consistency-verdict', reason === null, reason)]);
      rows.push(['Earlier head', 'size ' + first.treeSize + ', root ' + first.rootHash]);
      rows.push(['Later head', 'size ' + second.treeSize + ', root ' + second.rootHash]);
      box.replaceChildren(definitions(rows));
    } catch (e) {
      if (!(e instanceof SignedOut)) {
        box.replaceChildren(definitions([['Result',
          verdictNode('consistency-verdict', false, e.message)]]));
      }
    }
  }

  // --- Start --------------------------------------------------------------------------------

  function startAuditorView() {
    initSearch();
    search(0);
    loadHeads();
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('sign-in').addEventListener('click', signIn);
    $('sign-out').addEventListener('click', signOut);
    $('search').addEventListener('submit', (event) => {
      event.preventDefault();
      search(0);
    });
    $('page-previous').addEventListener('click', () => search(Math.max(0, currentPage - 1)));
    $('page-next').addEventListener('click', () => search(currentPage + 1));
    $('consistency-form').addEventListener('submit', (event) => {
      event.preventDefault();
      checkConsistency();
    });
    $('heads-reload').addEventListener('click', loadHeads);

    const params = new URLSearchParams(window.location.search);
    let message = null;
    if (params.has('code') || params.has('error')) {
      try {
        await completeSignIn(params);
      } catch (e) {
        message = 'Sign-in failed: ' + e.message;
      }
    }
    if (renderSession(message)) startAuditorView();
  });
}());
