import { parseDocument } from 'htmlparser2';
import { hasChildren, isTag, isText, type AnyNode, type Element } from 'domhandler';
import { declaredEncoding, decodeText } from './decodeText.js';

/** Elements whose content is never part of a page's text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'iframe', 'canvas', 'svg', 'template', 'head', 'nav', 'header', 'footer', 'aside', 'form', 'select', 'button', 'object', 'embed']);
/** Elements that start a new line of text. */
const BLOCK = new Set(['p', 'div', 'br', 'tr', 'li', 'ul', 'ol', 'table', 'tbody', 'thead', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'main', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'center', 'hr', 'td', 'th']);
const CJK = /[\u3400-\u9fff]/g;

/** A node whose content never counts as text (scripts, styles, navigation). */
function dropped(n: AnyNode): boolean {
  return isTag(n) && DROPPED.has(n.name);
}

function cjkCount(s: string): number {
  return s.match(CJK)?.length ?? 0;
}

/** The text of a subtree with block elements on lines of their own. */
function textOf(node: AnyNode, out: string[]): void {
  if (isText(node)) {
    out.push(node.data.replace(/\s+/g, ' '));
    return;
  }
  if (!hasChildren(node) || dropped(node)) return;
  const block = isTag(node) && BLOCK.has(node.name);
  if (block) out.push('\n');
  for (const c of node.children) textOf(c, out);
  if (block) out.push('\n');
}

function render(node: AnyNode): string {
  const out: string[] = [];
  textOf(node, out);
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

function linkText(node: AnyNode): number {
  if (isTag(node) && node.name === 'a') return cjkCount(render(node));
  if (!hasChildren(node)) return 0;
  return node.children.reduce((a, c) => a + linkText(c), 0);
}

/**
 * The element that holds the article: every paragraph-like element gives its Chinese characters
 * to its parent (and half to the grandparent), as readability-style extractors do; link-heavy
 * paragraphs (menus, related links) give nothing. Gov sites put the body in one container of <p>s,
 * so the container wins over the page frame, the metadata table and the navigation.
 */
function mainContainer(root: AnyNode): AnyNode {
  const score = new Map<AnyNode, number>();
  const visit = (node: AnyNode): void => {
    if (!hasChildren(node) || dropped(node)) return;
    if (isTag(node) && (node.name === 'p' || node.name === 'li' || node.name === 'pre' || node.name === 'blockquote')) {
      const text = render(node);
      const chars = cjkCount(text);
      if (chars > 0 && linkText(node) < chars / 2) {
        const parent = node.parent as AnyNode | null;
        if (parent) score.set(parent, (score.get(parent) ?? 0) + chars);
        const grand = parent?.parent as AnyNode | null | undefined;
        if (grand) score.set(grand, (score.get(grand) ?? 0) + chars / 2);
      }
    }
    for (const c of node.children) visit(c);
  };
  visit(root);
  let best: AnyNode = root;
  let bestScore = 0;
  for (const [node, s] of score) {
    if (s > bestScore) {
      best = node;
      bestScore = s;
    }
  }
  return best;
}

function findFirst(node: AnyNode, name: string): Element | null {
  if (isTag(node) && node.name === name) return node;
  if (!hasChildren(node)) return null;
  for (const c of node.children) {
    const hit = findFirst(c, name);
    if (hit) return hit;
  }
  return null;
}

/** The charset an HTML file declares in its first bytes, if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * The main text of an HTML page (the article, without navigation, scripts, styles and link
 * lists) and its <title>. Pages declared as GBK/GB2312 are decoded as GB18030, its superset, and
 * pages declared as Big5 as Big5; a page's BOM outranks its declaration, as in browsers.
 */
export function htmlText(bytes: Uint8Array): { title: string | undefined; text: string; encoding: string } {
  const declared = declaredEncoding(declaredCharset(bytes));
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xef && bytes[1] === 0xbb);
  const decoded = declared && !bom ? { text: new TextDecoder(declared).decode(bytes), encoding: declared } : decodeText(bytes);
  const doc = parseDocument(decoded.text, { decodeEntities: true, lowerCaseTags: true });
  const titleEl = findFirst(doc as unknown as AnyNode, 'title');
  const title = titleEl ? titleEl.children.map((c) => (isText(c) ? c.data : '')).join('').replace(/\s+/g, ' ').trim() : '';
  const container = mainContainer(doc as unknown as AnyNode);
  return { title: title || undefined, text: render(container), encoding: decoded.encoding };
}
