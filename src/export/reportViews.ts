/**
 * The controls of report.html's clause browser (continued from reportScript.ts, same scope): the
 * filter form, the address that holds the filters, and the document view a clause opens.
 */
export const REPORT_VIEWS = String.raw`
function options(values, current) {
  return values.map(function (v) { return '<option value="' + esc(v[0]) + '"' + (v[0] === current ? ' selected' : '') + '>' + esc(v[1]) + '</option>'; }).join('');
}
function select(key, label, values) {
  return '<label>' + esc(label) + '<select name="' + key + '"><option value="">' + esc(s.all) + '</option>' + options(values, state[key]) + '</select></label>';
}
function unique(values) {
  var seen = {}, out = [];
  values.forEach(function (v) { if (v !== '' && v !== 0 && !seen[v]) { seen[v] = true; out.push(v); } });
  return out;
}
var withClauses = docs.map(function (d, i) { return i; }).filter(function (i) { return byDoc[i].length > 0; });
function buildForm() {
  var form = document.getElementById('filters');
  var provinces = unique(withClauses.map(function (i) { return docs[i][2]; })).sort(function (a, b) { return a.localeCompare(b, 'zh'); });
  var years = unique(withClauses.map(function (i) { return docs[i][3]; })).sort(function (a, b) { return a - b; });
  var html = select('instrument', s.instrument, meta.codes.map(function (c, i) { return [c, meta.labels[i] + ' (' + c + ')']; })) +
    select('dimension', s.dimension, meta.dims.map(function (d) { return [d[0], d[1] + ' (' + d[0] + ')']; })) +
    select('province', s.province, provinces.map(function (p) { return [p, p]; })) +
    select('year', s.year, years.map(function (y) { return [String(y), String(y)]; })) +
    select('doc', s.document, withClauses.map(function (i) { var t = docs[i][1]; return [docs[i][0], docs[i][0] + ' ' + (t.length > 30 ? t.slice(0, 30) + '…' : t)]; }));
  if (has.confidence) html += '<label>' + esc(s.maxConfidence) + '<input name="confidence" type="number" min="0" max="1" step="0.05"></label>';
  if (has.manual) html += select('source', s.source, [['manual', s.manual], ['auto', s.auto]]);
  html += '<label>' + esc(s.text) + '<input name="q" type="search"></label><button type="button" id="clear">' + esc(s.clear) + '</button>';
  form.innerHTML = html;
  form.addEventListener('change', fromForm);
  var typing = null;
  form.addEventListener('input', function (e) {
    if (e.target.name !== 'q' && e.target.name !== 'confidence') return;
    clearTimeout(typing);
    typing = setTimeout(fromForm, 250);
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); fromForm(); });
  document.getElementById('clear').addEventListener('click', function () { location.hash = ''; });
}
function fromForm() {
  var form = document.getElementById('filters'), f = {};
  KEYS.forEach(function (k) { var el = form.elements[k]; if (el && el.value !== '') f[k] = el.value; });
  var h = hashOf(f);
  if (h !== location.hash.replace(/^#/, '')) location.hash = h;
}
function toForm() {
  var form = document.getElementById('filters');
  KEYS.forEach(function (k) { var el = form.elements[k]; if (el && el !== document.activeElement) el.value = state[k] === undefined ? '' : state[k]; });
}
function update() {
  state = readHash();
  toForm();
  applyFilters(state);
  list.scrollTop = 0;
  render();
}
window.addEventListener('hashchange', update);

var docview = document.getElementById('docview');
function openDoc(i) {
  var c = C[i], d = docs[c[1]], all = byDoc[c[1]], at = all.indexOf(i);
  // The clauses around the one clicked: a whole document when it is short, else 100 on each side.
  var from = Math.max(0, at - 100), to = Math.min(all.length, at + 101);
  var html = '<div class="dhead"><button type="button" id="close-doc">' + esc(s.close) + '</button> <b>' + esc(d[0]) + '</b> ' + esc(d[1]) +
    ' · ' + esc(d[2] || s.unknown) + ' · ' + esc(d[3] || s.unknown) + ' · ' + all.length + ' ' + esc(s.clauseOf) + '</div>';
  for (var k = from; k < to; k++) {
    var j = all[k];
    html += '<div class="dclause' + (j === i ? ' current' : '') + '"' + rowAttrs(j) + '><div class="meta">' + esc(C[j][0]) + ' ' + codesHtml(C[j]) + '</div>' + marked(C[j]) + '</div>';
  }
  docview.innerHTML = html;
  docview.hidden = false;
  document.getElementById('close-doc').addEventListener('click', closeDoc);
  var current = docview.querySelector('.dclause.current');
  if (current) current.scrollIntoView({ block: 'center' });
}
function closeDoc() { docview.hidden = true; docview.innerHTML = ''; }
spacer.addEventListener('click', function (e) {
  var row = e.target.closest('.row');
  if (row) openDoc(Number(row.getAttribute('data-i')));
});
document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && !docview.hidden) closeDoc(); });
document.querySelectorAll('[data-nav]').forEach(function (b) {
  b.addEventListener('click', function () { document.getElementById(b.getAttribute('data-nav')).scrollIntoView(); });
});
document.getElementById('overview').addEventListener('click', function (e) {
  // A click on an instrument, a dimension or a year in a table shows its clauses below.
  if (e.target.closest('a[href^="#"]')) setTimeout(function () { document.getElementById('browser').scrollIntoView(); }, 0);
});

buildForm();
update();
if (location.hash.length > 1) document.getElementById('browser').scrollIntoView();
window.reportTimings.parseMs = parseMs;
window.reportTimings.firstRenderMs = performance.now() - started;
document.body.setAttribute('data-ready', '1');
`;
