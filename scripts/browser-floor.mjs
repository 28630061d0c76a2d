// The oldest browsers zwgk-kit supports (README, "Browser support"): the build targets them, and
// scripts/check-floor.mjs fails the build when shipped code uses an API they lack.
// Chrome 87 covers the Chromium kernels of the domestic browsers still common on office and home PCs
// (360 安全浏览器 13, QQ 浏览器, 搜狗, UOS/麒麟 system browsers); Safari 14.1 covers iPhones on iOS 14.5 and later
// (esbuild counts Safari 14.0's destructuring as broken).
export const BROWSER_FLOOR = ['chrome87', 'edge88', 'firefox78', 'safari14.1'];

/**
 * Syntax the floor has that esbuild still rewrites for it, to work around engine bugs in rare forms
 * (optional chaining is in Chrome 80, Unicode property escapes in Chrome 64 and Safari 11.1). The Vite builds
 * keep both as written too (VITE_TARGET), so esbuild-based checks and measurements are told the same.
 */
export const ESBUILD_SUPPORTED = { 'optional-chain': true, 'regexp-unicode-property-escapes': true };

/**
 * The target the Vite builds lower syntax for: the floor, but Chrome and Edge at 91. Oxc (Vite 8) has no way to be
 * told a feature is supported, and it rewrites every `a?.b` for Chrome 80–90 because of a V8 bug in one rare form
 * (an optional call with a spread argument before the last one, crbug.com/42201552, which the kit does not write):
 * 35 rewrites in the CDN files, Lit's included. The only other syntax between Chrome 87 and 91 is top-level await
 * and the RegExp `d` flag, which scripts/check-floor.mjs, reprinting every shipped file for BROWSER_FLOOR, rejects.
 */
export const VITE_TARGET = BROWSER_FLOOR.map((browser) => browser.replace(/^(chrome|edge)\d+$/, '$191'));
