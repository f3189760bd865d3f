import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const ui = resolve(import.meta.dirname, 'src/ui');

/** The notebooks (src/ui/notebooks, served at /notebooks/): extra pages of the same build, reusing its workers and charts. */
export const NOTEBOOKS = ['index', 'rendezvous', 'callback-periods', 'pipeline', 'distribution', 'scoring'];

/** The web workbench and its notebooks: `npm start` serves src/ui, `npm run build` writes a static site to dist/web. */
export default defineConfig({
  root: 'src/ui',
  base: './',
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    rollupOptions: { input: { main: resolve(ui, 'index.html'), ...Object.fromEntries(NOTEBOOKS.map((n) => [`notebooks/${n}`, resolve(ui, `notebooks/${n}.html`)])) } },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
});
