// Reads prisma/models.prisma into what lib/db/graph.ts needs to load a row and its relations in
// one statement: each model's scalar fields with their types, and each relation's join columns.
// Used by scripts/generate-prisma-clients.mjs, which writes the result beside the clients.

/** @returns {Record<string, { scalars: Record<string, string>, relations: Record<string, { model: string, list: boolean, local: string, foreign: string }> }>} */
export function graphModel(source) {
  const models = {};
  const raw = {};
  for (const match of source.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const [, name, body] = match;
    const fields = [];
    for (const line of body.split("\n")) {
      const field = /^\s+(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field || line.trim().startsWith("//") || line.trim().startsWith("@@")) continue;
      const [, fieldName, type, list, , rest] = field;
      const relation = /@relation\(([^)]*)\)/.exec(rest)?.[1] ?? null;
      fields.push({
        name: fieldName,
        type,
        list: Boolean(list),
        relationName: relation ? (/^"(\w+)"/.exec(relation.trim())?.[1] ?? /name:\s*"(\w+)"/.exec(relation)?.[1] ?? null) : null,
        fields: relation ? (/fields:\s*\[(\w+)\]/.exec(relation)?.[1] ?? null) : null,
        references: relation ? (/references:\s*\[(\w+)\]/.exec(relation)?.[1] ?? null) : null,
      });
    }
    raw[name] = fields;
  }
  const scalarTypes = new Set(["String", "Int", "Boolean", "DateTime", "Float", "BigInt"]);
  for (const [name, fields] of Object.entries(raw)) {
    const model = { scalars: {}, relations: {} };
    for (const field of fields) {
      if (scalarTypes.has(field.type)) {
        model.scalars[field.name] = field.type;
        continue;
      }
      if (!raw[field.type]) continue; // an enum or unknown type: not used by this schema
      if (field.fields) {
        model.relations[field.name] = { model: field.type, list: false, local: field.fields, foreign: field.references };
        continue;
      }
      // The other side holds the key: the field of the related model that points back here.
      const back = raw[field.type].find(
        (other) => other.type === name && other.fields && (field.relationName ? other.relationName === field.relationName : !other.relationName),
      );
      if (!back) throw new Error(`graph model: no back relation for ${name}.${field.name}`);
      model.relations[field.name] = { model: field.type, list: field.list, local: back.references, foreign: back.fields };
    }
    models[name] = model;
  }
  return models;
}
