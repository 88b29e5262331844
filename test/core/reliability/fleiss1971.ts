/**
 * Fleiss (1971), "Measuring nominal scale agreement among many raters", Table 1: 30 patients,
 * each diagnosed by 6 psychiatrists; counts per diagnosis (depression, personality disorder,
 * schizophrenia, neurosis, other). Published kappa 0.430; per category 0.245 0.245 0.520 0.471 0.566.
 */
export const FLEISS_1971: number[][] = [
  '0 0 0 6 0', '0 3 0 0 3', '0 1 4 0 1', '0 0 0 0 6', '0 3 0 3 0', '2 0 4 0 0', '0 0 4 0 2', '2 0 3 1 0',
  '2 0 0 4 0', '0 0 0 0 6', '1 0 0 5 0', '1 1 0 4 0', '0 3 3 0 0', '1 0 0 5 0', '0 2 0 3 1', '0 0 5 0 1',
  '3 0 0 1 2', '5 1 0 0 0', '0 2 0 4 0', '1 0 2 0 3', '0 0 0 0 6', '0 1 0 5 0', '0 2 0 1 3', '2 0 0 4 0',
  '1 0 0 4 1', '0 5 0 1 0', '4 0 0 0 2', '0 2 0 4 0', '1 0 5 0 0', '0 0 0 0 6',
].map((r) => r.split(' ').map(Number));
