/**
 * The small part of the DOM that Observable Plot uses to draw a static SVG chart (create elements, set attributes
 * and styles, append, select by tag and class, serialize), so that `compare --report` needs no DOM library at run
 * time. Its `outerHTML` is the HTML serialization jsdom gives for the same calls (test/compare/report.test.ts
 * compares the two byte for byte). Not a DOM: no events, no layout, no parsing.
 */

const XHTML = 'http://www.w3.org/1999/xhtml';

const escapeText = (s: string): string => s.replace(/[&<>\u00a0]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\u00a0': '&nbsp;' })[c]!);
const escapeAttribute = (s: string): string => s.replace(/[&"\u00a0]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '\u00a0': '&nbsp;' })[c]!);

/** Elements of HTML that have no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose text is written raw. */
const RAW_TEXT = new Set(['style', 'script']);

abstract class MiniNode {
  parentNode: MiniElement | null = null;
  abstract readonly nodeType: number;
  constructor(readonly ownerDocument: MiniDocument) {}

  get nextSibling(): MiniNode | null {
    const siblings = this.parentNode?.childNodes;
    if (!siblings) return null;
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }

  get previousSibling(): MiniNode | null {
    const siblings = this.parentNode?.childNodes;
    if (!siblings) return null;
    return siblings[siblings.indexOf(this) - 1] ?? null;
  }

  remove(): void {
    this.parentNode?.removeChild(this);
  }

  abstract get textContent(): string;
  abstract serialize(): string;
}

class MiniText extends MiniNode {
  readonly nodeType = 3;
  constructor(
    doc: MiniDocument,
    public data: string,
  ) {
    super(doc);
  }

  get textContent(): string {
    return this.data;
  }

  set textContent(value: string) {
    this.data = value;
  }

  get nodeValue(): string {
    return this.data;
  }

  serialize(): string {
    const parent = this.parentNode;
    return parent && parent.namespaceURI === XHTML && RAW_TEXT.has(parent.localName) ? this.data : escapeText(this.data);
  }
}

/** An inline style: properties in the order they were first set, serialized as "name: value;". */
class MiniStyle {
  private readonly values = new Map<string, { value: string; priority: string }>();

  setProperty(name: string, value: string | null, priority = ''): void {
    if (value === null || value === '') this.values.delete(name);
    else this.values.set(name, { value: String(value), priority });
  }

  removeProperty(name: string): string {
    const old = this.getPropertyValue(name);
    this.values.delete(name);
    return old;
  }

  getPropertyValue(name: string): string {
    return this.values.get(name)?.value ?? '';
  }

  getPropertyPriority(name: string): string {
    return this.values.get(name)?.priority ?? '';
  }

  get cssText(): string {
    return [...this.values].map(([k, v]) => `${k}: ${v.value}${v.priority ? ` !${v.priority}` : ''};`).join(' ');
  }

  get length(): number {
    return this.values.size;
  }

  get maxWidth(): string {
    return this.getPropertyValue('max-width');
  }

  set maxWidth(value: string) {
    this.setProperty('max-width', value);
  }
}

class MiniElement extends MiniNode {
  readonly nodeType = 1;
  readonly childNodes: MiniNode[] = [];
  readonly style = new MiniStyle();
  private readonly attributes = new Map<string, string>();

  constructor(
    doc: MiniDocument,
    readonly namespaceURI: string,
    readonly localName: string,
  ) {
    super(doc);
  }

  get tagName(): string {
    return this.namespaceURI === XHTML ? this.localName.toUpperCase() : this.localName;
  }

  get nodeName(): string {
    return this.tagName;
  }

  get children(): MiniElement[] {
    return this.childNodes.filter((n): n is MiniElement => n instanceof MiniElement);
  }

  get firstChild(): MiniNode | null {
    return this.childNodes[0] ?? null;
  }

  get lastChild(): MiniNode | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }

  setAttribute(name: string, value: unknown): void {
    if (name === 'style') {
      for (const decl of String(value).split(';')) {
        const colon = decl.indexOf(':');
        if (colon > 0) this.style.setProperty(decl.slice(0, colon).trim(), decl.slice(colon + 1).trim());
      }
      this.attributes.set('style', '');
      return;
    }
    this.attributes.set(name, String(value));
  }

  setAttributeNS(_ns: string | null, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }

  getAttribute(name: string): string | null {
    if (name === 'style') return this.style.length ? this.style.cssText : this.attributes.has('style') ? '' : null;
    return this.attributes.get(name) ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.attributes.has(name) || (name === 'style' && this.style.length > 0);
  }

  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }

  get classList(): { add(...names: string[]): void; remove(...names: string[]): void; contains(name: string): boolean } {
    const read = () => (this.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    return {
      add: (...names) => this.setAttribute('class', [...new Set([...read(), ...names])].join(' ')),
      remove: (...names) => this.setAttribute('class', read().filter((n) => !names.includes(n)).join(' ')),
      contains: (name) => read().includes(name),
    };
  }

  appendChild<T extends MiniNode>(child: T): T {
    return this.insertBefore(child, null);
  }

  append(...nodes: (MiniNode | string)[]): void {
    for (const n of nodes) this.appendChild(typeof n === 'string' ? this.ownerDocument.createTextNode(n) : n);
  }

  insertBefore<T extends MiniNode>(child: T, before: MiniNode | null): T {
    if (child instanceof MiniFragment) {
      for (const c of [...child.childNodes]) this.insertBefore(c, before);
      return child;
    }
    child.parentNode?.removeChild(child);
    const at = before ? this.childNodes.indexOf(before) : -1;
    if (at === -1) this.childNodes.push(child);
    else this.childNodes.splice(at, 0, child);
    child.parentNode = this;
    return child;
  }

  removeChild<T extends MiniNode>(child: T): T {
    const at = this.childNodes.indexOf(child);
    if (at !== -1) this.childNodes.splice(at, 1);
    child.parentNode = null;
    return child;
  }

  replaceChildren(...nodes: (MiniNode | string)[]): void {
    for (const c of [...this.childNodes]) this.removeChild(c);
    this.append(...nodes);
  }

  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }

  set textContent(value: string | null) {
    for (const c of [...this.childNodes]) this.removeChild(c);
    if (value !== null && value !== '') this.appendChild(this.ownerDocument.createTextNode(String(value)));
  }

  cloneNode(deep = false): MiniElement {
    const copy = new MiniElement(this.ownerDocument, this.namespaceURI, this.localName);
    for (const [k, v] of this.attributes) copy.attributes.set(k, v);
    if (this.style.length) copy.setAttribute('style', this.style.cssText);
    if (deep) for (const c of this.childNodes) copy.appendChild(c instanceof MiniElement ? c.cloneNode(true) : this.ownerDocument.createTextNode(c.textContent));
    return copy;
  }

  /** Selectors of tag names and classes with descendant combinators ("g", ".tick line", "g.axis"). */
  querySelectorAll(selector: string): MiniElement[] {
    const out: MiniElement[] = [];
    const groups = selector.split(',').map((g) => g.trim().split(/\s+/).map(parseCompound));
    const walk = (el: MiniElement): void => {
      for (const c of el.children) {
        if (groups.some((parts) => matchesPath(c, parts, this))) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }

  querySelector(selector: string): MiniElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }

  matches(selector: string): boolean {
    return selector.split(',').some((g) => matchesPath(this, g.trim().split(/\s+/).map(parseCompound), null));
  }

  addEventListener(): void {}

  removeEventListener(): void {}

  dispatchEvent(): boolean {
    return true;
  }

  get outerHTML(): string {
    return this.serialize();
  }

  get innerHTML(): string {
    return this.childNodes.map((c) => c.serialize()).join('');
  }

  serialize(): string {
    const attributes = [...this.attributes].map(([k, v]) => (k === 'style' ? ` style="${escapeAttribute(this.style.cssText)}"` : ` ${k}="${escapeAttribute(v)}"`));
    if (!this.attributes.has('style') && this.style.length) attributes.push(` style="${escapeAttribute(this.style.cssText)}"`);
    const open = `<${this.localName}${attributes.join('')}>`;
    if (this.namespaceURI === XHTML && VOID.has(this.localName)) return open;
    return `${open}${this.innerHTML}</${this.localName}>`;
  }
}

class MiniFragment extends MiniElement {}

type Compound = { tag?: string; classes: string[] };

function parseCompound(text: string): Compound {
  const [tag, ...classes] = text.split('.');
  return { tag: tag === '' || tag === '*' ? undefined : tag.toLowerCase(), classes };
}

function matchesCompound(el: MiniElement, c: Compound): boolean {
  if (c.tag && el.localName.toLowerCase() !== c.tag) return false;
  if (c.classes.length === 0) return true;
  const have = (el.getAttribute('class') ?? '').split(/\s+/);
  return c.classes.every((k) => have.includes(k));
}

function matchesPath(el: MiniElement, parts: Compound[], root: MiniElement | null): boolean {
  if (!matchesCompound(el, parts[parts.length - 1])) return false;
  let k = parts.length - 2;
  for (let p = el.parentNode; k >= 0 && p && p !== root; p = p.parentNode) if (matchesCompound(p, parts[k])) k--;
  return k < 0;
}

/** A document to hand to Plot (`Plot.plot({..., document})`) in place of a browser's or jsdom's. */
export class MiniDocument {
  readonly documentElement: MiniElement;
  readonly defaultView = { Event: class {} };

  constructor() {
    this.documentElement = new MiniElement(this, XHTML, 'html');
  }

  get ownerDocument(): null {
    return null;
  }

  createElementNS(ns: string | null, name: string): MiniElement {
    return new MiniElement(this, ns ?? XHTML, name);
  }

  createElement(name: string): MiniElement {
    return new MiniElement(this, XHTML, name.toLowerCase());
  }

  createTextNode(text: string): MiniText {
    return new MiniText(this, String(text));
  }

  createDocumentFragment(): MiniFragment {
    return new MiniFragment(this, XHTML, '#fragment');
  }

  querySelector(): null {
    return null;
  }

  querySelectorAll(): MiniElement[] {
    return [];
  }
}

/** A fresh document for Plot, typed as a DOM Document (it holds only what Plot's static charts use). */
export function svgDocument(): Document {
  return new MiniDocument() as unknown as Document;
}
