import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the OpenCSM server itself at `/`; in development `vite` proxies the
// API to a server started with `npm start` (port 3000).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    minify: process.env.OPENCSM_WEB_MINIFY !== 'false',
    // Route pages are split by React.lazy; the vendor chunks below keep antd and React cached
    // across releases of our own code.
    rollupOptions: {
      // Two pages: the console (with the portal) and the public help centre, which must not load
      // the console's bundle (antd) on a customer's phone; the field engineer's offline app (m.html, /m) likewise.
      input: { main: `${import.meta.dirname}/index.html`, help: `${import.meta.dirname}/help.html`, m: `${import.meta.dirname}/m.html` },
      output: {
        manualChunks(id: string) {
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
          // ECharts (~170 kB gzip) only in the reports routes' chunk of its own, named for what it is and cached across our releases.
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } } },
});
