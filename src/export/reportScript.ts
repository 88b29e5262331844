import { REPORT_VIEWS } from './reportViews.js';

/**
 * The clause browser of report.html: plain browser JavaScript (no library, no network), inline.
 * It reads the page's JSON blocks, keeps the filters in the address (#instrument=...&doc=...), and
 * renders only the rows on screen, so 350,000 clauses scroll and filter without freezing the page.
 * A clause row is [id, doc, text, primary, other codes, evidence, manual, auto code, confidence,
 * runner-up, rule, evidence notes] (reportHtml.ts), codes as indices into meta.codes where the codebook has them.
 */
const DATA = String.raw`
var started = performance.now();
var meta = JSON.parse(document.getElementById('report-meta').textContent);
var s = meta.s, docs = meta.docs, ROW = 68, MAX_HEIGHT = 3e7;
var C = [];
var blocks = document.querySelectorAll('script.report-clauses');
for (var b = 0; b < blocks.length; b++) {
  var part = JSON.parse(blocks[b].textContent);
  for (var k = 0; k < part.length; k++) C.push(part[k]);
  blocks[b].textContent = '';
}
var byDoc = docs.map(function () { return []; });
var has = { confidence: false, manual: false };
for (var i = 0; i < C.length; i++) {
  var c = C[i];
  byDoc[c[1]].push(i);
  if (c[6] === 1) has.manual = true;
  if (c[8] !== undefined && c[8] !== null) has.confidence = true;
}
var parseMs = performance.now() - started;
function esc(t) { return String(t).replace(/[&<>"']/g, function (ch) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]; }); }
function codeOf(x) { return typeof x === 'number' ? meta.codes[x] : x; }
function labelOf(x) { return typeof x === 'number' ? meta.labels[x] : x; }
function colourOf(x) { return typeof x === 'number' ? meta.colours[x] : '#dddddd'; }
function dimOf(x) { var d = typeof x === 'number' ? meta.codeDim[x] : -1; return d >= 0 ? meta.dims[d][0] : ''; }

var KEYS = ['instrument', 'dimension', 'province', 'year', 'doc', 'confidence', 'source', 'q'];
var state = {};
function readHash() {
  var f = {};
  var h = location.hash.replace(/^#/, '');
  if (h) h.split('&').forEach(function (pair) {
    var at = pair.indexOf('='), key = at < 0 ? pair : pair.slice(0, at);
    var value = at < 0 ? '' : pair.slice(at + 1);
    try { value = decodeURIComponent(value.replace(/\+/g, ' ')); } catch (e) { /* a mangled value stays as typed */ }
    if (KEYS.indexOf(key) >= 0 && value !== '') f[key] = value;
  });
  return f;
}
function hashOf(f) {
  return KEYS.filter(function (k) { return f[k] !== undefined && f[k] !== ''; })
    .map(function (k) { return k + '=' + encodeURIComponent(f[k]); }).join('&');
}

var matched = new Int32Array(0);
function applyFilters(f) {
  var t0 = performance.now();
  var docOk = new Uint8Array(docs.length);
  for (var d = 0; d < docs.length; d++) {
    var doc = docs[d];
    docOk[d] = (f.doc === undefined || doc[0] === f.doc) && (f.province === undefined || doc[2] === f.province) && (f.year === undefined || String(doc[3]) === f.year) ? 1 : 0;
  }
  var max = f.confidence === undefined ? null : Number(f.confidence);
  var out = new Int32Array(C.length), m = 0;
  for (var i = 0; i < C.length; i++) {
    var c = C[i];
    if (!docOk[c[1]]) continue;
    if (f.instrument !== undefined && codeOf(c[3]) !== f.instrument) continue;
    if (f.dimension !== undefined && dimOf(c[3]) !== f.dimension) continue;
    if (max !== null && !(c[8] !== undefined && c[8] !== null && c[8] <= max)) continue;
    if (f.source !== undefined && (c[6] === 1 ? 'manual' : 'auto') !== f.source) continue;
    if (f.q !== undefined && c[2].indexOf(f.q) < 0 && c[0].indexOf(f.q) < 0) continue;
    out[m++] = i;
  }
  matched = out.subarray(0, m);
  document.getElementById('match-count').textContent = String(m);
  window.reportTimings.lastFilterMs = performance.now() - t0;
}
`;

const LIST = String.raw`
function marked(c) {
  var ev = c[5] || [], notes = c[11] || [], spans = [];
  for (var k = 0; k + 2 < ev.length; k += 3) spans.push([ev[k], ev[k + 1], ev[k + 2], notes[k / 3] || '']);
  spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  var text = c[2], html = '', at = 0;
  spans.forEach(function (sp) {
    if (sp[0] < at) return; // overlapping evidence: the earlier, longer match is shown
    // The coder's notes on a piece of evidence (a rule, a topic term, a heading) go in its tooltip.
    var title = codeOf(sp[2]) + (sp[3] ? ' [' + sp[3] + ']' : '');
    html += esc(text.slice(at, sp[0])) + '<mark' + (/\btopic\b/.test(sp[3]) ? ' class="topic"' : '') + ' style="background:' + colourOf(sp[2]) + '" data-code="' + esc(codeOf(sp[2])) + '" title="' + esc(title) + '">' + esc(text.slice(sp[0], sp[1])) + '</mark>';
    at = sp[1];
  });
  return html + esc(text.slice(at));
}
function chip(x, cls) { return '<span class="chip' + (cls ? ' ' + cls : '') + '" style="background:' + colourOf(x) + '" title="' + esc(codeOf(x)) + '">' + esc(labelOf(x)) + '</span>'; }
function decidedBy(c) {
  if (c[10]) return c[10];
  var ev = c[5] || [], terms = [];
  for (var k = 0; k + 2 < ev.length; k += 3) {
    var term = c[2].slice(ev[k], ev[k + 1]);
    if (ev[k + 2] === c[3] && terms.indexOf(term) < 0) terms.push(term);
  }
  return terms.join('、');
}
function codesHtml(c) {
  var h = '';
  if (c[6] === 1) {
    h += '<span class="badge manual">' + esc(s.manual) + '</span>' + chip(c[3]);
    if (c[7] !== undefined && c[7] !== null) h += '<span class="auto-code" title="' + esc(s.replaced) + '">' + esc(s.auto) + ': ' + esc(labelOf(c[7])) + '</span>';
  } else h += chip(c[3]);
  (c[4] || []).forEach(function (x) { h += chip(x, 'other'); });
  if (c[8] !== undefined && c[8] !== null) h += ' ' + esc(s.confidence) + ' <b>' + Number(c[8]).toFixed(2) + '</b>';
  if (c[9] !== undefined && c[9] !== null) h += ' · ' + esc(s.runnerUp) + ' ' + esc(labelOf(c[9]));
  var why = c[6] === 1 ? '' : decidedBy(c);
  if (why) h += ' · ' + esc(s.decidedBy) + ': ' + esc(why);
  return h;
}
function rowAttrs(i) {
  var c = C[i];
  return ' data-i="' + i + '" data-clause-id="' + esc(c[0]) + '" data-doc-id="' + esc(docs[c[1]][0]) + '" data-primary="' + esc(codeOf(c[3])) + '"';
}
function rowHtml(i, top) {
  var c = C[i], d = docs[c[1]];
  return '<div class="row" style="top:' + top + 'px"' + rowAttrs(i) + '><div class="meta">' + codesHtml(c) +
    '<span class="where">' + esc(c[0]) + ' · ' + esc(d[1]) + '</span></div><div class="text">' + marked(c) + '</div></div>';
}
var list = document.getElementById('list'), spacer = document.getElementById('spacer');
function render() {
  // Browsers cap an element's height (about 33 million px): beyond it, scroll position maps to rows by scale.
  var scale = Math.max(1, (matched.length * ROW) / MAX_HEIGHT);
  spacer.style.height = Math.ceil((matched.length * ROW) / scale) + 'px';
  var top = list.scrollTop, view = list.clientHeight || 600;
  var exact = (top * scale) / ROW, first = Math.floor(exact);
  var last = Math.min(matched.length, first + Math.ceil(view / ROW) + 2);
  var offset = top - (exact - first) * ROW, html = [];
  for (var k = first; k < last; k++) html.push(rowHtml(matched[k], Math.round(offset + (k - first) * ROW)));
  spacer.innerHTML = html.join('');
}
var pending = false;
list.addEventListener('scroll', function () {
  if (pending) return;
  pending = true;
  requestAnimationFrame(function () { pending = false; render(); });
});
`;

export const REPORT_SCRIPT = `(function () {\n'use strict';\nwindow.reportTimings = {};\n${DATA}${LIST}${REPORT_VIEWS}})();\n`;
