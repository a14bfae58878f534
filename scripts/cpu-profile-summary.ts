// Reads the V8 CPU profiles (`node --cpu-prof`) in a folder and says where the busy time went:
// self time grouped by package (or by part of the app), then the costliest functions.
import fs from "node:fs";
import path from "node:path";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Which part of the running server a function belongs to. */
function bucketOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === "(garbage collector)") return "garbage collection";
    if (functionName === "(idle)") return "(idle)";
    return functionName.startsWith("(") ? functionName : "native / V8 builtins";
  }
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("/lib/db/generated/")) return "prisma generated client";
  if (url.includes("/.next/server/")) return "app server bundle (our code + bundled libs)";
  return path.basename(url);
}

export function summarizeCpuProfiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return ["  (no profile written)"];
  const files = fs.readdirSync(folder).filter((file) => file.endsWith(".cpuprofile"));
  const byBucket = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(path.join(folder, file), "utf8")) as Profile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const node = nodes.get(id)!;
      const micros = profile.timeDeltas[index] ?? 0;
      const bucket = bucketOf(node.callFrame.url, node.callFrame.functionName);
      if (bucket === "(idle)" || bucket === "(program)") return;
      busy += micros;
      byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + micros);
      const name = `${node.callFrame.functionName || "(anonymous)"} ${bucket}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    });
  }
  if (busy === 0) return ["  (empty profile)"];
  const percent = (micros: number) => `${((micros / busy) * 100).toFixed(1).padStart(5)} %`;
  const top = (map: Map<string, number>, count: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
  return [
    `  busy CPU ${(busy / 1e6).toFixed(1)} s in ${files.length} process(es); by part:`,
    ...top(byBucket, 12).map(([bucket, micros]) => `    ${percent(micros)}  ${bucket}`),
    "  costliest functions (self time):",
    ...top(byFunction, 12).map(([name, micros]) => `    ${percent(micros)}  ${name}`),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of summarizeCpuProfiles(process.argv[2] ?? ".")) console.log(row);
}
