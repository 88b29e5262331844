"""An independent implementation of the agreement coefficients, for cross-checking on random data.

Standard library only. Reads a JSON list of reliability matrices (units x coders, null = missing)
on stdin and prints a JSON list of {alpha, cohen, fleiss, percent, holsti}. Written from the
textbook definitions, by a different route than src/core/reliability: alpha from the full
coincidence matrix with its expected disagreement, Cohen's kappa from the cross table, Fleiss'
kappa from per-unit proportions, Holsti from the pairwise counts.
"""
import itertools
import json
import sys


def alpha(data):
    values = sorted({v for row in data for v in row if v is not None})
    o = {(c, k): 0.0 for c in values for k in values}
    for row in data:
        vals = [v for v in row if v is not None]
        m = len(vals)
        if m < 2:
            continue
        for i, j in itertools.permutations(range(m), 2):
            o[(vals[i], vals[j])] += 1.0 / (m - 1)
    n_c = {c: sum(o[(c, k)] for k in values) for c in values}
    n = sum(n_c.values())
    if n <= 1:
        return None
    d_o = sum(o[(c, k)] for c in values for k in values if c != k) / n
    d_e = sum(n_c[c] * n_c[k] for c in values for k in values if c != k) / (n * (n - 1))
    return None if d_e == 0 else 1 - d_o / d_e


def cohen(data):
    pairs = [(r[0], r[1]) for r in data if r[0] is not None and r[1] is not None]
    n = len(pairs)
    if n == 0:
        return None
    cats = sorted({v for p in pairs for v in p})
    table = {(a, b): 0 for a in cats for b in cats}
    for a, b in pairs:
        table[(a, b)] += 1
    po = sum(table[(c, c)] for c in cats) / n
    pe = sum(sum(table[(c, b)] for b in cats) * sum(table[(a, c)] for a in cats) for c in cats) / (n * n)
    return None if pe == 1 else (po - pe) / (1 - pe)


def fleiss(data):
    rows = [r for r in data if all(v is not None for v in r)]
    if not rows:
        return None
    m = len(rows[0])
    cats = sorted({v for r in rows for v in r})
    p_i = []
    for r in rows:
        agree = sum(r.count(c) * (r.count(c) - 1) for c in cats)
        p_i.append(agree / (m * (m - 1)))
    p_bar = sum(p_i) / len(rows)
    p_j = [sum(r.count(c) for r in rows) / (len(rows) * m) for c in cats]
    p_e = sum(p * p for p in p_j)
    return None if p_e == 1 else (p_bar - p_e) / (1 - p_e)


def percent(data):
    shares = []
    for r in data:
        vals = [v for v in r if v is not None]
        if len(vals) < 2:
            continue
        pairs = list(itertools.combinations(vals, 2))
        shares.append(sum(1 for a, b in pairs if a == b) / len(pairs))
    return sum(shares) / len(shares) if shares else None


def holsti(data):
    coders = len(data[0])
    results = []
    for i, j in itertools.combinations(range(coders), 2):
        m = sum(1 for r in data if r[i] is not None and r[i] == r[j])
        n = sum(1 for r in data if r[i] is not None) + sum(1 for r in data if r[j] is not None)
        if any(r[i] is not None and r[j] is not None for r in data):
            results.append(2 * m / n)
    return sum(results) / len(results) if results else None


out = []
for data in json.load(sys.stdin):
    out.append({
        'alpha': alpha(data),
        'cohen': cohen(data) if len(data[0]) == 2 else None,
        'fleiss': fleiss(data),
        'percent': percent(data),
        'holsti': holsti(data),
    })
print(json.dumps(out))
