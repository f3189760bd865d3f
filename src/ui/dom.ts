type Props = { className?: string; dataset?: Record<string, string>; scope?: string; title?: string; id?: string };

/**
 * Creates an element with children; strings become text nodes, so what a user typed is always shown as text and
 * never parsed as markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  if (props.title) node.title = props.title;
  if (props.scope) node.setAttribute('scope', props.scope);
  for (const [k, v] of Object.entries(props.dataset ?? {})) node.dataset[k] = v;
  node.append(...children);
  return node;
}

/** Offers a file to the user's browser as a download. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = el('a', {});
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Draws an SVG chart on a white canvas at twice its size and saves it as a PNG file. */
export async function savePng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const { width, height } = svg.viewBox.baseVal;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await image.decode();
  const canvas = el('canvas', {});
  canvas.width = width * 2;
  canvas.height = height * 2;
  const g = canvas.getContext('2d')!;
  g.fillStyle = 'white';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(image, 0, 0, canvas.width, canvas.height);
  canvas.toBlob((blob) => blob && download(blob, fileName), 'image/png');
}

/**
 * Calls `take` with the files chosen in `input` or dropped on `drop` (which is marked "over" while a file is
 * dragged across it). The input is cleared after each choice, so choosing the same file again reads it again.
 */
export function onFilesChosen(input: HTMLInputElement, drop: HTMLElement, take: (files: FileList | null | undefined) => void): void {
  input.addEventListener('change', () => {
    take(input.files);
    input.value = '';
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    take(e.dataTransfer?.files);
  });
}
