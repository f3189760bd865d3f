import { defineConfig } from 'vite';

/** The web workbench: `npm start` serves src/ui, `npm run build` writes a static site to dist/web. */
export default defineConfig({
  root: 'src/ui',
  base: './',
  build: { outDir: '../../dist/web', emptyOutDir: true },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
});
