#!/usr/bin/env python3
"""Reference values of test/core/chiSquareTest.test.ts and test/core/paperTables.test.ts.

Not run by the tests: it is how the numbers written into them were obtained (python3 with
scipy 1.17.1). Chi-square: scipy.stats.chi2_contingency(correction=False), the same as R's
chisq.test(correct = FALSE). Fisher r x c: exact, by enumerating every table with the observed
margins and summing the probabilities of those no more likely than the observed one (relative
tolerance 1e-7, as R's fisher.test).
"""
from math import exp, lgamma

import numpy as np
from scipy.stats import chi2, chi2_contingency


def tables(rows, cols):
    """Every table of non-negative counts with these row and column sums."""
    if len(rows) == 1:
        yield [list(cols)]
        return

    def fill(j, left, cur):
        if j == len(cols) - 1:
            if left <= cols[j]:
                yield cur + [left]
            return
        for v in range(0, min(left, cols[j]) + 1):
            yield from fill(j + 1, left - v, cur + [v])

    for first in fill(0, rows[0], []):
        for rest in tables(rows[1:], [c - v for c, v in zip(cols, first)]):
            yield [first] + rest


def fisher_exact_rc(t):
    rows = [sum(r) for r in t]
    cols = [sum(c) for c in zip(*t)]
    const = sum(lgamma(x + 1) for x in rows + cols) - lgamma(sum(rows) + 1)
    logp = lambda tb: const - sum(lgamma(v + 1) for r in tb for v in r)
    observed = logp(t)
    return sum(exp(logp(tb)) for tb in tables(rows, cols) if logp(tb) <= observed + 1e-7 * abs(observed))


CHI_SQUARE = {
    'a': [[12, 5, 7], [8, 15, 3]],
    'b': [[20, 15, 5], [10, 25, 15], [5, 10, 30]],
    'c': [[3, 1], [1, 3]],
    'd': [[10, 2], [3, 15]],
    'e': [[4, 6, 2], [3, 0, 5]],  # table (e) after its empty row is dropped
}
for name, t in CHI_SQUARE.items():
    r = chi2_contingency(np.array(t), correction=False)
    n = np.sum(t)
    v = np.sqrt(r.statistic / (n * (min(len(t), len(t[0])) - 1)))
    print(name, 'chi2', repr(r.statistic), 'p', repr(r.pvalue), 'df', r.dof, 'V', repr(v), 'min expected', r.expected_freq.min())
print('chi2.sf', [repr(chi2.sf(x, df)) for x, df in [(3.84, 1), (0.5, 7), (250, 200), (100, 3)]])
for t in ([[3, 1, 0], [1, 3, 2], [0, 2, 4]], [[12, 5, 7], [8, 15, 3]], [[2, 0, 1], [1, 4, 0], [1, 0, 1]], [[3, 1], [1, 3]], [[10, 2], [3, 15]], [[0, 2], [2, 2], [0, 1]]):
    print('fisher', t, repr(fisher_exact_rc(t)))
