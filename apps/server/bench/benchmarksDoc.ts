import { readFileSync, writeFileSync } from 'node:fs';

// The benchmark scripts' `--write`: each replaces its own marked section of docs/benchmarks.md
// (bench:instances: of docs/operations.md).

/** Replaces what lies between `<!-- bench:<name>:start -->` and its end marker with `markdown`. */
export function writeBenchmarkSection(
  name: string,
  markdown: string,
  file: 'benchmarks.md' | 'operations.md' = 'benchmarks.md',
): void {
  const path = new URL(`../../../docs/${file}`, import.meta.url);
  const doc = readFileSync(path, 'utf8');
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/${file} lacks the bench:${name} markers`);
  writeFileSync(path, `${doc.slice(0, from + start.length)}\n${markdown}\n${doc.slice(to)}`);
}
