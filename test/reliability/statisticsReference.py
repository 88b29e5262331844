#!/usr/bin/env python3
"""An independent recount of what `policy-code agreement` and `policy-code evaluate` publish.

Standard library only, written from the textbooks and not from src/: it reads the coder files
itself and takes nothing from the project but the automatic codes evaluate printed.

  statisticsReference.py agreement A.csv B.csv [C.csv ...]
      agreement's JSON results: the primary code as one nominal variable, then each category as
      presence/absence (primary or secondary, `none` is no category). Missing: a unit a file does
      not list or whose primary is empty.
  statisticsReference.py evaluate GOLD.csv CODED.csv
      evaluate's figures from the gold file and the automatic codes `code-units GOLD.csv` wrote
      (unit_id, primary, confidence): confusion table, kappa, percent and lenient agreement,
      precision/recall/F1 per code, macro and micro averages, the wrong units, and the
      confidence slices below.
  statisticsReference.py coefficients  (JSON on stdin: a list of reliability matrices, units x
      coders, null = missing) one {alpha, cohen, fleiss, percent, holsti} per matrix (cohen only
      for two coders): the coefficients alone, for random data.
  statisticsReference.py confidence  (JSON on stdin: list of lists of [human, auto, confidence])
      agreement and kappa by confidence band (0-.25-.5-.75-1) and for the most confident
      50/70/90/100 % (ranked by confidence, ties in input order, round(n * share) units).

Undefined values are null. Formulas:
  percent agreement: mean over units with two or more codes of the share of agreeing pairs.
  Holsti: 2M / (N1 + N2) per pair of coders, averaged over pairs with a unit in common.
  Cohen (1960): (po - pe) / (1 - pe) from the two coders' cross table of their common units.
  Fleiss (1971): (P - Pe) / (1 - Pe) over the units every coder coded.
  Krippendorff (2011), nominal: 1 - (n - 1) * sum_{c<k} o_ck / sum_{c<k} n_c n_k, with o the
  coincidence matrix of the pairable units.
"""
import csv
import itertools
import json
import re
import sys

SPLIT = re.compile(r'[;,；，\s]+')


def read_codes(path):
    """unit id -> (primary, set of every code but none); units with an empty primary are left out."""
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.DictReader(f))
    id_col = 'unit_id' if 'unit_id' in rows[0] else 'clause_id'
    codes = {}
    for r in rows:
        primary = (r.get('primary') or '').strip()
        if not primary:
            continue
        others = [c for c in SPLIT.split(r.get('secondary') or '') if c]
        codes[r[id_col].strip()] = (primary, {c for c in [primary] + others if c != 'none'})
    return codes


def percent(matrix):
    shares = []
    for row in matrix:
        vals = [v for v in row if v is not None]
        if len(vals) >= 2:
            pairs = list(itertools.combinations(vals, 2))
            shares.append(sum(a == b for a, b in pairs) / len(pairs))
    return sum(shares) / len(shares) if shares else None


def holsti(matrix):
    coders = len(matrix[0])
    values = []
    for i, j in itertools.combinations(range(coders), 2):
        common = [r for r in matrix if r[i] is not None and r[j] is not None]
        if not common:
            continue
        m = sum(r[i] == r[j] for r in common)
        n1 = sum(r[i] is not None for r in matrix)
        n2 = sum(r[j] is not None for r in matrix)
        values.append(2 * m / (n1 + n2))
    return sum(values) / len(values) if values else None


def cohen(matrix):
    if len(matrix[0]) != 2:
        return None
    pairs = [(a, b) for a, b in matrix if a is not None and b is not None]
    n = len(pairs)
    if n == 0:
        return None
    po = sum(a == b for a, b in pairs) / n
    cats = {v for p in pairs for v in p}
    pe = sum(sum(a == c for a, _ in pairs) * sum(b == c for _, b in pairs) for c in cats) / n / n
    return None if pe == 1 else (po - pe) / (1 - pe)


def fleiss(matrix):
    rows = [r for r in matrix if all(v is not None for v in r)]
    if not rows:
        return None
    m = len(rows[0])
    cats = sorted({v for r in rows for v in r})
    n = [[r.count(c) for c in cats] for r in rows]
    big_p = sum((sum(x * x for x in nij) - m) / (m * (m - 1)) for nij in n) / len(rows)
    pj = [sum(nij[j] for nij in n) / (len(rows) * m) for j in range(len(cats))]
    pe = sum(p * p for p in pj)
    return None if pe == 1 else (big_p - pe) / (1 - pe)


def alpha(matrix):
    o = {}
    for row in matrix:
        vals = [v for v in row if v is not None]
        if len(vals) < 2:
            continue
        for a, b in itertools.permutations(vals, 2):
            o[(a, b)] = o.get((a, b), 0) + 1 / (len(vals) - 1)
    nc = {}
    for (a, _), x in o.items():
        nc[a] = nc.get(a, 0) + x
    n = sum(nc.values())
    cats = sorted(nc)
    observed = sum(o.get((c, k), 0) for c, k in itertools.combinations(cats, 2))
    expected = sum(nc[c] * nc[k] for c, k in itertools.combinations(cats, 2))
    return None if expected == 0 else 1 - (n - 1) * observed / expected


def units_with(matrix, least):
    return sum(sum(v is not None for v in r) >= least for r in matrix)


def agreement(files):
    coders = [read_codes(f) for f in files]
    ids = sorted(set().union(*coders))
    primary = [[c[u][0] if u in c else None for c in coders] for u in ids]
    results = [scope_row('primary', primary, None)]
    cats = sorted({x for c in coders for _, s in c.values() for x in s})
    for cat in cats:
        matrix = [[('1' if cat in c[u][1] else '0') if u in c else None for c in coders] for u in ids]
        results.append(scope_row(cat, matrix, sum(v == '1' for r in matrix for v in r)))
    return {'units': len(ids), 'results': results}


def scope_row(scope, matrix, codings):
    row = {'scope': scope, 'units_pairable': units_with(matrix, 2), 'units_complete': units_with(matrix, len(matrix[0]))}
    if codings is not None:
        row['codings'] = codings
    row.update(percent_agreement=percent(matrix), holsti=holsti(matrix), cohen_kappa=cohen(matrix),
               fleiss_kappa=fleiss(matrix), krippendorff_alpha=alpha(matrix))
    return row


def evaluate(gold_file, coded_file):
    gold = read_codes(gold_file)
    with open(gold_file, encoding='utf-8-sig', newline='') as f:
        secondary = {r['unit_id']: [c for c in SPLIT.split(r.get('secondary') or '') if c] for r in csv.DictReader(f)}
    with open(coded_file, encoding='utf-8-sig', newline='') as f:
        coded = {r['unit_id']: (r['primary'], float(r['confidence'])) for r in csv.DictReader(f)}
    pairs = [(gold[u][0], coded[u][0]) for u in gold]
    n = len(pairs)
    labels = sorted({x for p in pairs for x in p})
    confusion = {(h, a): sum(p == (h, a) for p in pairs) for h in labels for a in labels}
    scores = {}
    for label in labels:
        if label == 'none':
            continue
        support = sum(h == label for h, _ in pairs)
        predicted = sum(a == label for _, a in pairs)
        correct = confusion[(label, label)]
        p = correct / predicted if predicted else None
        r = correct / support if support else None
        f1 = None if p is None or r is None else (0 if p + r == 0 else 2 * p * r / (p + r))
        scores[label] = {'support': support, 'predicted': predicted, 'correct': correct, 'precision': p, 'recall': r, 'f1': f1}
    zero = lambda x: 0 if x is None else x
    mean = lambda key: sum(zero(s[key]) for s in scores.values()) / len(scores)
    tp = sum(s['correct'] for s in scores.values())
    mp = tp / sum(s['predicted'] for s in scores.values())
    mr = tp / sum(s['support'] for s in scores.values())
    lenient = sum(a == h or a in secondary[u] for u, (h, a) in zip(gold, pairs)) / n
    return {
        'units': n, 'cohen_kappa': cohen(pairs), 'percent_agreement': percent(pairs), 'lenient_agreement': lenient,
        'macro': {'precision': mean('precision'), 'recall': mean('recall'), 'f1': mean('f1')},
        'micro': {'precision': mp, 'recall': mr, 'f1': 2 * mp * mr / (mp + mr)},
        'instruments': scores, 'confusion': {f'{h}>{a}': x for (h, a), x in confusion.items() if x},
        'wrong': [u for u, (h, a) in zip(gold, pairs) if h != a],
        'by_confidence': confidence([(h, a, coded[u][1]) for u, (h, a) in zip(gold, pairs)]),
    }


def confidence(units):
    def slice_of(name, chosen):
        pairs = [(h, a) for h, a, _ in chosen]
        return {'slice': name, 'units': len(chosen), 'min_confidence': min((c for _, _, c in chosen), default=None),
                'agreement': percent(pairs) if pairs else None, 'cohen_kappa': cohen(pairs) if pairs else None}
    bands = [(0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 1.0)]
    out = [slice_of(f'{lo:.2f}-{hi:.2f}', [u for u in units if lo <= u[2] < hi or (hi == 1.0 and u[2] == 1.0)]) for lo, hi in bands]
    ranked = sorted(units, key=lambda u: -u[2])  # sorted() is stable: ties keep input order
    for share in (0.5, 0.7, 0.9, 1):
        k = int(len(units) * share + 0.5)  # round half up, as Math.round on these positive counts
        out.append(slice_of(f'most confident {round(share * 100)} %', ranked[:k]))
    return out


if __name__ == '__main__':
    mode = sys.argv[1]
    if mode == 'agreement':
        result = agreement(sys.argv[2:])
    elif mode == 'evaluate':
        result = evaluate(sys.argv[2], sys.argv[3])
    elif mode == 'coefficients':
        result = [{'alpha': alpha(m), 'cohen': cohen(m) if len(m[0]) == 2 else None, 'fleiss': fleiss(m),
                   'percent': percent(m), 'holsti': holsti(m)} for m in json.load(sys.stdin)]
    else:
        result = [confidence(units) for units in json.load(sys.stdin)]
    print(json.dumps(result, ensure_ascii=False, indent=1))
