/** The oldest browsers zwgk-kit supports, as esbuild/Vite targets (see browser-floor.mjs). */
export declare const BROWSER_FLOOR: string[];
