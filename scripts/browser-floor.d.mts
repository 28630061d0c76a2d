/** The oldest browsers zwgk-kit supports, as esbuild/Vite targets (see browser-floor.mjs). */
export declare const BROWSER_FLOOR: string[];
/** esbuild `supported` overrides matching what the Vite build ships (see browser-floor.mjs). */
export declare const ESBUILD_SUPPORTED: Record<string, boolean>;
/** The floor with Chrome and Edge at 91: what the Vite builds lower syntax for (see browser-floor.mjs). */
export declare const VITE_TARGET: string[];
