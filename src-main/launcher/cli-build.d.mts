// Types of cli-build.mjs (plain Node, no build step) for the TypeScript that imports it (electron.vite.config.ts).
export const root: string;
/** Node flags the CLI runs with (`npm run cli`, the bench, the build's code-cache run). */
export const CLI_NODE_FLAGS: string[];
