import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // The app, and a page the e2e tests train on directly (linked from nowhere; see e2e/pages/wgslCheck.ts).
    rollupOptions: { input: { app: page('index.html'), wgslCheck: page('e2e/pages/wgsl-check.html') } },
  },
  preview: { port: 4173, strictPort: true },
});
