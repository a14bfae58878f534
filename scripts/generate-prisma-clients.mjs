// Writes the two dialect schemas from prisma/models.prisma and generates a Prisma client for
// each (npm runs this after install). `--check` writes nothing and fails when a committed schema
// differs from what this would write (the static suite runs it). Generation needs no network; the schema-engine check that
// the Prisma CLI makes first is satisfied by prisma.config.ts.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { graphModel } from "./graph-model.mjs";

const root = path.resolve(import.meta.dirname, "..");
const models = fs.readFileSync(path.join(root, "prisma/models.prisma"), "utf8");
const dialects = { sqlite: "sqlite", postgres: "postgresql" };
// On Postgres a read with includes becomes one query with JSON joins instead of one per relation.
const previewFeatures = { sqlite: [], postgres: ["relationJoins"] };

for (const [dialect, provider] of Object.entries(dialects)) {
  const header = `// Generated from prisma/models.prisma by scripts/generate-prisma-clients.mjs: edit that file.

generator client {
  provider     = "prisma-client"
  output       = "../../lib/db/generated/${dialect}"
  moduleFormat = "esm"${previewFeatures[dialect].length ? `\n  previewFeatures = ${JSON.stringify(previewFeatures[dialect])}` : ""}
}

datasource db {
  provider = "${provider}"
}
`;
  const schemaPath = path.join(root, "prisma", dialect, "schema.prisma");
  if (process.argv.includes("--check")) {
    const committed = fs.existsSync(schemaPath) ? fs.readFileSync(schemaPath, "utf8") : "";
    if (committed !== `${header}\n${models}`) {
      console.error(`prisma/${dialect}/schema.prisma does not match prisma/models.prisma: run node scripts/generate-prisma-clients.mjs`);
      process.exitCode = 1;
    } else console.log(`prisma/${dialect}/schema.prisma matches prisma/models.prisma`);
    continue;
  }
  fs.mkdirSync(path.dirname(schemaPath), { recursive: true });
  fs.writeFileSync(schemaPath, `${header}\n${models}`);
  if (process.argv.includes("--schemas-only")) continue;
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["generate", "--schema", schemaPath], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.log(`prisma client generated for ${dialect}`);
}

// lib/db/graph.ts loads a row with its relations in one statement from this description.
if (!process.argv.includes("--check") && !process.argv.includes("--schemas-only")) {
  const target = path.join(root, "lib/db/generated/graph-model.ts");
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(
    target,
    `// Generated from prisma/models.prisma by scripts/generate-prisma-clients.mjs: edit that file.\n` +
      `export const graphModel = ${JSON.stringify(graphModel(models), null, 2)} as const;\n`,
  );
  console.log("graph model generated");
}
