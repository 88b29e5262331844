/** What kind of document a readable text is, for the status and message in documents.csv. */
export interface Classification {
  /** `not_policy` documents are listed but not coded or counted. */
  kind: 'policy' | 'not_policy';
  /** An attachment (附件) filed without its covering notice. */
  annex: boolean;
  /** Mostly table cells: few sentences, many short lines. Its clauses are cells, not provisions. */
  tableOnly: boolean;
  /** One line for documents.csv; empty for an ordinary policy. */
  message: string;
}

/** Marks of a newspaper page that a policy document does not carry, each with the label the message gives it. */
const NEWSPAPER_SIGNS: Array<[RegExp, string]> = [
  [/责编|责任编辑/, '责编 credit'],
  [/美编|版式设计/, '美编 credit'],
  [/星期[一二三四五六日天]/, 'weekday dateline'],
  [/[（(]\s*[上下]接第\s*\d+\s*版\s*[）)]|转第\s*\d+\s*版/, 'continued from/on another page (版)'],
  [/电子报|往期|客户端/, 'e-paper navigation'],
  [/本报(讯|记者|评论员)|新华社(电|记者)/, 'news byline'],
  [/^\s*第?\s*\d{1,2}\s*版?\s*(要闻|综合|时评|经济|国际|社会|体育|文化|国内|专版|理论)\s*$/m, 'page section heading'],
];

const CJK = /[\u4e00-\u9fff]/g;

/**
 * Tells a policy from a text that only looks like one. Signals, not file names: a newspaper page
 * carries at least three newspaper marks near its top; a table-only document has almost no
 * sentences (under 4 full stops per 1,000 characters, where policy prose has 10 to 30) and many
 * short lines; an annex opens with 附件.
 */
export function classifyDocument(text: string): Classification {
  const top = text.slice(0, 3000);
  const signs = NEWSPAPER_SIGNS.filter(([re]) => re.test(top)).map(([, label]) => label);
  if (signs.length >= 3) {
    return { kind: 'not_policy', annex: false, tableOnly: false, message: `not a policy document: a newspaper page (${signs.join(', ')})` };
  }
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const annex = /^附件\s*\d*\s*[:：]?$/.test(lines[0] ?? '');
  const chars = text.replace(/\s+/g, '').length;
  const cjkShare = chars ? (text.match(CJK)?.length ?? 0) / chars : 0;
  const stopsPerK = chars ? (1000 * (text.match(/[。！？]/g)?.length ?? 0)) / chars : 0;
  const shortShare = lines.length ? lines.filter((l) => l.length <= 12 && !/[。；]/.test(l)).length / lines.length : 0;
  // Text that is not mostly Chinese (a broken font's symbol runs) says nothing about tables.
  const tableOnly = chars >= 1000 && cjkShare >= 0.5 && stopsPerK < 4 && shortShare >= 0.25;
  const density = `${stopsPerK.toFixed(1)} full stops per 1,000 characters`;
  const message =
    annex && tableOnly
      ? `table-only annex (附件) without its covering notice: ${density}; clauses are table cells`
      : tableOnly
        ? `mostly tables: ${density}; clauses are table cells`
        : annex
          ? 'annex (附件) filed without its covering notice'
          : '';
  return { kind: 'policy', annex, tableOnly, message };
}
