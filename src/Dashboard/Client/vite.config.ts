import { defineConfig } from "vite";

// Everything the pages need is bundled here at build time: control rooms are often air-gapped.
export default defineConfig({
  root: ".",
  base: "/",
  build: {
    outDir: "../wwwroot",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
});
