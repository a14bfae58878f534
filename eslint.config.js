// Lint: correctness, not style. typescript-eslint's recommended rules (no type information, so
// it stays fast), React's rules of hooks (so an eslint-disable comment for them means something),
// and a handful of core rules that catch real mistakes. Formatting is left alone on purpose.
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig([
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      "lib/db/generated/**",
      "playwright-report/**",
      "test-results/**",
      "data/**",
      "next-env.d.ts",
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    rules: {
      "no-debugger": "error",
      "no-dupe-else-if": "error",
      "no-duplicate-case": "error",
      "no-self-compare": "error",
      "no-unreachable": "error",
      "no-unsafe-finally": "error",
      "no-fallthrough": "error",
      "no-constant-binary-expression": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      // `_name` marks what is deliberately unused (destructuring a field away, an unused parameter).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
    },
  },
  {
    // The two rules of hooks. The plugin's React Compiler rules (set-state-in-effect, refs, …) are
    // left out: they flag deliberate, working patterns (a prop synced into state, a latest-value
    // ref) rather than bugs.
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    // Tests and test tools read loosely typed JSON answers; `any` there is the honest type.
    files: ["tests/**", "e2e/**", "scripts/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
]);
