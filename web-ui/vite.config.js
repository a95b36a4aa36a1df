// Builds the UI straight into the web-ui jar's classes: webui/index.html + webui/assets/*.
// `npm run dev` serves it with hot reload and sends the API to a node on 127.0.0.1:8080.
import { defineConfig } from 'vite';

const node = 'http://127.0.0.1:8080';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'target/classes/webui',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '/logs': { target: node, ws: true }, // ws: the live stream, /logs/stream
      '/health': node,
      // /rules is the rules page for a browser's navigation and the API for everything else
      '/rules': { target: node, bypass: req => (req.headers.accept?.includes('text/html') ? '/index.html' : undefined) },
    },
  },
});
