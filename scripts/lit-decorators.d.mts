import type { Plugin } from 'vite';
export function withoutLitDecorators(code: string, fileName: string): { code: string; map: object | null } | null;
export function litDecoratorsToStatic(): Plugin;
export function litDecoratorsToStaticInTests(): { name: string; transform(context: unknown): unknown };
