/**
 * Detects text that is not text: a PDF font without a usable ToUnicode map makes extractors return
 * glyph ids as characters, i.e. runs of ASCII symbols ("!\"#$%&'()*+,") or control characters where
 * the page shows Chinese. Such a text layer must never be passed on as the document's text.
 */
export interface GarbageScore {
  /** Share of visible characters that are garbage, 0..1. */
  score: number;
  /** Visible (non-white-space) characters. */
  visible: number;
  /** CJK ideographs among them. */
  cjk: number;
  /** Characters judged garbage. */
  garbage: number;
}

const CJK_IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** Characters no extractor should ever produce from a real text: controls, private use, U+FFFD. */
const NEVER_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ue000-\uf8ff\ufffd]/;
/**
 * ASCII symbols that Chinese policy text almost never has outside URLs and e-mail addresses; the
 * punctuation it does have (. , % - / : ; ( )) is left out so that "2.5%" or "(一)" stay clean.
 */
const RARE_SYMBOL = /[!"#$&'*+<=>?@[\\\]^_`{|}~]/;
/** A run of characters between white space and Chinese: one token as the extractor made it. */
const RUN = /[^\s\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2018-\u201f\u2026]+/g;
const URL_OR_MAIL = /^(?:https?:\/\/|www\.)\S+$|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/i;

/**
 * Scores a text for extraction garbage. Every never-text character counts; a run of Latin
 * characters counts in full when it holds a rare symbol (glyph-id garbage mixes letters and
 * symbols: "?@ABCDEFGH#%IJK"), except a URL or an e-mail address.
 */
export function garbageScore(text: string): GarbageScore {
  let visible = 0;
  let cjk = 0;
  let garbage = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    visible++;
    if (CJK_IDEOGRAPH.test(ch)) cjk++;
    else if (NEVER_TEXT.test(ch)) garbage++;
  }
  for (const m of text.matchAll(RUN)) {
    const run = m[0].replace(new RegExp(NEVER_TEXT.source, 'g'), '');
    if (run.length > 0 && RARE_SYMBOL.test(run) && !URL_OR_MAIL.test(run)) garbage += run.length;
  }
  return { score: visible === 0 ? 0 : garbage / visible, visible, cjk, garbage };
}

/** Above this share of garbage a text layer is not trusted. Real pages of the corpus stay below 0.05. */
const GARBAGE_THRESHOLD = 0.2;
/** A page with fewer Chinese characters than this has no usable text layer (a scan, a seal, a blank page). */
const MIN_PAGE_CJK = 10;

/** Why a page's text layer cannot be used, or null when it can. */
export function unusablePageReason(text: string): 'no_text' | 'garbage' | null {
  const s = garbageScore(text);
  if (s.score >= GARBAGE_THRESHOLD && s.garbage >= 5) return 'garbage';
  if (s.cjk < MIN_PAGE_CJK) return 'no_text';
  return null;
}
