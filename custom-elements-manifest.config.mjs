// custom-elements-manifest analyzer config (`npm run analyze`): the elements' JSDoc → custom-elements.json,
// read by Storybook, and turned by scripts/package-manifest.mjs into the manifest, framework types and
// editor data the zwgk-kit package ships.

/** Types a Lit property whose type the analyzer cannot infer (`pageSize = DEFAULT_PAGE_SIZE`) from its `type:` option. */
function litPropertyTypes() {
  const LIT_TYPES = { Number: 'number', Boolean: 'boolean', String: 'string' };
  return {
    name: 'zwgk-lit-property-types',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.text);
      if (!declaration) return;
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || !member.name || !ts.isIdentifier(member.name)) continue;
        const decorator = ts
          .getDecorators?.(member)
          ?.find((d) => ts.isCallExpression(d.expression) && d.expression.expression.getText() === 'property');
        const options = decorator?.expression.arguments[0];
        if (!options || !ts.isObjectLiteralExpression(options)) continue;
        const typeOption = options.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'type');
        const type = typeOption && LIT_TYPES[typeOption.initializer.getText()];
        if (!type) continue;
        const name = member.name.text;
        const field = declaration.members?.find((m) => m.name === name && m.kind === 'field');
        if (field && !field.type) field.type = { text: type };
        for (const attribute of declaration.attributes ?? [])
          if (attribute.fieldName === name && !attribute.type) attribute.type = { text: type };
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  litelement: true,
  plugins: [litPropertyTypes()],
};
