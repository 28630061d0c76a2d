// Writes packages/zwgk-kit/custom-elements.json: the analyzer's manifest (custom-elements.json, paths in
// src/) re-pointed at the files the package ships, with each tag recorded as a definition, the live-region
// part every element renders (from the base element) listed, and checked: every attribute typed, every
// part and attribute described. Fails the build when one is not.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const BASE_MODULE = 'src/components/base/zwgk-element.ts';
const ANNOUNCER = {
  name: 'announcer',
  description: 'The visually hidden polite live region through which the element tells screen-reader users what changed.',
};

/** src/components/x/x.ts → the entry that registers it, dist/<entry>.js (src/<entry>.ts re-exports the module). */
function shippedPaths() {
  const paths = new Map([[BASE_MODULE, 'dist/index.js']]);
  for (const file of readdirSync(new URL('src/', root)).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
    const source = readFileSync(new URL(`src/${file}`, root), 'utf8');
    for (const [, module] of source.matchAll(/export \* from '\.\/(components\/[^']+)\.js'/g)) {
      paths.set(`src/${module}.ts`, `dist/${file.replace(/\.ts$/, '.js')}`);
    }
  }
  return paths;
}

export function packageManifest(analyzed) {
  const paths = shippedPaths();
  const problems = [];
  const repoint = (reference) => {
    if (!reference?.module) return reference;
    const module = paths.get(reference.module.replace(/^\//, '').replace(/\.js$/, '.ts'));
    return module ? { ...reference, module } : reference;
  };
  const modules = [];
  for (const module of analyzed.modules) {
    const path = paths.get(module.path);
    if (!path) continue;
    const declarations = (module.declarations ?? []).map((declaration) => {
      if (!declaration.customElement) return declaration;
      const cssParts = declaration.cssParts ?? [];
      if (declaration.superclass?.name === 'ZwgkElement' && !cssParts.some((p) => p.name === ANNOUNCER.name)) {
        cssParts.push({ ...ANNOUNCER, inheritedFrom: { name: 'ZwgkElement', module: 'dist/index.js' } });
      }
      for (const attribute of declaration.attributes ?? []) {
        if (!attribute.type?.text) problems.push(`<${declaration.tagName}> attribute ${attribute.name} has no type`);
        if (!attribute.description) problems.push(`<${declaration.tagName}> attribute ${attribute.name} is not described`);
        if (attribute.inheritedFrom) attribute.inheritedFrom = repoint(attribute.inheritedFrom);
      }
      for (const part of cssParts) if (!part.description) problems.push(`<${declaration.tagName}> part ${part.name} is not described`);
      for (const member of declaration.members ?? []) if (member.inheritedFrom) member.inheritedFrom = repoint(member.inheritedFrom);
      return { ...declaration, cssParts, superclass: repoint(declaration.superclass) };
    });
    const exports = (module.exports ?? [])
      .filter((e) => e.kind === 'js')
      .map((e) => ({ ...e, declaration: { ...e.declaration, module: path } }));
    for (const declaration of declarations) {
      if (declaration.customElement && declaration.tagName) {
        exports.push({
          kind: 'custom-element-definition',
          name: declaration.tagName,
          declaration: { name: declaration.name, module: path },
        });
      }
    }
    modules.push({ kind: 'javascript-module', path, declarations, exports });
  }
  return { manifest: { ...analyzed, modules }, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const analyzed = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const { manifest, problems } = packageManifest(analyzed);
  if (problems.length) {
    console.error(`custom-elements.json is incomplete:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  writeFileSync(new URL('packages/zwgk-kit/custom-elements.json', root), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote packages/zwgk-kit/custom-elements.json (${manifest.modules.length} modules)`);
}
