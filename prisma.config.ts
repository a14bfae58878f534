// The Prisma CLI insists on a native schema engine before it generates, which it would download;
// generation never runs it, so point the check at a binary that fails loudly if it ever is run.
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({});
