import type { Plugin } from 'vite';
export function minifyLitLiterals(): Plugin;
