import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { tanstackRouter } from '@tanstack/router-plugin/vite'
import { basePathFromEnv, bootChunks, prerenderExplorer, routePreloads, spaFallback } from './server/vite-spa-plugin.ts'
import { precompress } from './server/precompress.ts'

export default defineConfig({
  // Absolute base, `/` unless BASE_PATH says otherwise: deep links need it to find the assets.
  base: basePathFromEnv(),
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  plugins: [
    tanstackRouter({ target: 'react', autoCodeSplitting: true }),
    react(),
    tailwindcss(),
    spaFallback(),
    bootChunks({ entry: 'src/main.tsx', app: 'src/app.tsx' }),
    routePreloads({ explore: ['src/routes/explore.tsx', 'src/routes/explore.index.tsx', 'src/api/operations.gen.json'] }),
    prerenderExplorer({ entry: 'src/prerender.tsx' }),
    precompress(),
  ],
  server: {
    proxy: { '/v2': { target: 'http://127.0.0.1:8080', changeOrigin: true } },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./test/setup.ts'],
    testTimeout: 20_000,
    // Node 25+ defines its own (file-less, unusable) localStorage, which hides jsdom's in tests.
    execArgv: Number(process.versions.node.split('.')[0]) >= 22 ? ['--no-experimental-webstorage'] : [],
  },
})
