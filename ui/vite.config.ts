import { defineConfig, type Plugin } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The webview reads WOFF2; dropping the WOFF fallbacks keeps the bundled fonts half the size.
function woff2Only(): Plugin {
  return {
    name: "woff2-only",
    transform(code, id) {
      if (!id.includes("@fontsource") || !id.endsWith(".css")) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, ""), map: null };
    },
  };
}

// A static single-page build; Tauri serves ui/dist from the binary.
export default defineConfig({
  plugins: [woff2Only(), svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1024 },
});
