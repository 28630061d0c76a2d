// The build's Lit decorators → `static properties`: the sources keep their decorators (the custom-elements manifest,
// Storybook's docs and the .d.ts files come from the decorated fields), and what ships is the idiomatic, decorator-free
// JavaScript of Lit's own transformer (@lit/ts-transformers): one `static properties` object a class instead of one
// __decorate call a field, and no decorator helpers in any chunk.
// Each file is compiled alone (no module resolution: the transformer only asks the checker which import a decorator
// name comes from, and that import is in the same file), so this costs milliseconds a file.
import ts from 'typescript';
import { idiomaticDecoratorsTransformer } from '@lit/ts-transformers';

const OPTIONS = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  experimentalDecorators: true,
  useDefineForClassFields: false,
  isolatedModules: true,
  noResolve: true,
  noLib: true,
  types: [],
  sourceMap: true,
  inlineSources: true,
};

/** `code` (TypeScript, at `fileName`) as JavaScript without Lit's decorators, or null when it imports none. */
export function withoutLitDecorators(code, fileName) {
  if (!/from 'lit\/decorators(\/[\w-]+)?\.js'/.test(code)) return null;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.ES2022, true);
  const host = ts.createCompilerHost(OPTIONS);
  host.getSourceFile = (name) => (name === fileName ? source : undefined);
  host.fileExists = (name) => name === fileName;
  const program = ts.createProgram([fileName], OPTIONS, host);
  const output = { code: '', map: null };
  const { emitSkipped } = program.emit(
    undefined,
    (name, text) => {
      if (name.endsWith('.map')) output.map = JSON.parse(text);
      else output.code = text.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
    },
    undefined,
    false,
    { before: [idiomaticDecoratorsTransformer(program)] },
  );
  if (emitSkipped || /@(property|state|query)\(/.test(output.code)) throw new Error(`${fileName}: Lit's decorators were not compiled away`);
  return output;
}

/** The Vite plugin: runs first, on the kit's own sources. */
export function litDecoratorsToStatic() {
  return {
    name: 'zwgk-lit-decorators-to-static',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      return withoutLitDecorators(code, id);
    },
  };
}

/** The same for the browser tests (web-test-runner), so that they run the elements as they ship. */
export function litDecoratorsToStaticInTests() {
  return {
    name: 'zwgk-lit-decorators-to-static',
    transform(context) {
      if (!/^\/src\/.*\.ts$/.test(context.path) || typeof context.body !== 'string') return undefined;
      const output = withoutLitDecorators(context.body, context.path);
      return output ? { body: output.code } : undefined;
    },
  };
}
