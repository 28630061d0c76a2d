// The oldest browsers zwgk-kit supports (README, "Browser support"): the build targets them, and
// scripts/check-floor.mjs fails the build when shipped code uses an API they lack.
// Chrome 87 covers the Chromium kernels of the domestic browsers still common on office and home PCs
// (360 安全浏览器 13, QQ 浏览器, 搜狗, UOS/麒麟 system browsers); Safari 14 covers iOS 14 phones.
export const BROWSER_FLOOR = ['chrome87', 'edge88', 'firefox78', 'safari14'];
