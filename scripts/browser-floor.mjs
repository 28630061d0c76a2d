// The oldest browsers zwgk-kit supports (README, "Browser support"): the build targets them, and
// scripts/check-floor.mjs fails the build when shipped code uses an API they lack.
// Chrome 87 covers the Chromium kernels of the domestic browsers still common on office and home PCs
// (360 安全浏览器 13, QQ 浏览器, 搜狗, UOS/麒麟 system browsers); Safari 14.1 covers iPhones on iOS 14.5 and later
// (esbuild counts Safari 14.0's destructuring as broken).
export const BROWSER_FLOOR = ['chrome87', 'edge88', 'firefox78', 'safari14.1'];

/**
 * Syntax the floor has that esbuild still rewrites for it, to work around engine bugs in rare forms
 * (optional chaining is in Chrome 80, Unicode property escapes in Chrome 64 and Safari 11.1). Vite's
 * build keeps both as written, so esbuild-based checks and measurements are told the same.
 */
export const ESBUILD_SUPPORTED = { 'optional-chain': true, 'regexp-unicode-property-escapes': true };
