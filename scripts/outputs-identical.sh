#!/usr/bin/env bash
# Byte-identity check for refactorings and speed-ups.
#
#   scripts/outputs-identical.sh snapshot DIR   # write the outputs of the current build into DIR
#   scripts/outputs-identical.sh compare DIR    # write them again and cmp every file against DIR
#
# Outputs: `run --out`, `run --json`, `montecarlo --out` and `compare --out` of every bundled
# scenario and of RANDOM (default 24) generated scenarios (coordsim/testing's arbitraries, a
# fixed fast-check seed), plus `validate --json`. Build first (`npm run build`).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?snapshot|compare}; ref=${2:?folder}
RANDOM_SCENARIOS=${RANDOM_SCENARIOS:-24}
RUNS=${RUNS:-400}
target=$ref
[ "$mode" = compare ] && target=$(mktemp -d)
mkdir -p "$target/scenarios"
cp scenarios/*.yaml "$target/scenarios/"
node --input-type=module -e "
  import fc from 'fast-check';
  import { writeFileSync } from 'node:fs';
  import { scenarioArbitrary, scenarioYaml } from './dist/testing/index.js';
  const xs = fc.sample(scenarioArbitrary({ maxTasks: 40, maxAgents: 6 }), { seed: 20261201, numRuns: $RANDOM_SCENARIOS });
  xs.forEach((s, i) => writeFileSync('$target/scenarios/random-' + String(i).padStart(2, '0') + '.yaml', scenarioYaml(s)));
"
cli="node $PWD/dist/cli/main.js"
cd "$target"  # relative paths: outputs that name the file are the same in every folder
for f in scenarios/*.yaml; do
  b=$(basename "$f" .yaml); o="out/$b"; mkdir -p "$o"
  $cli validate "$f" --json > "$o/validate.json" 2>/dev/null || true
  $cli run "$f" --seed 3 --json > "$o/run-stdout.json" 2>"$o/run-stderr.txt" || echo "exit $?" >> "$o/run-stderr.txt"
  $cli run "$f" --seed 3 --out "$o/run" > /dev/null 2>&1 || true
  $cli montecarlo "$f" --runs "$RUNS" --seed 5 --workers 1 --out "$o/mc" > /dev/null 2>&1 || true
  $cli compare "$f" --runs "$RUNS" --seed 5 --workers 1 --out "$o/cmp" > /dev/null 2>&1 || true
done
cd - > /dev/null
if [ "$mode" = compare ]; then
  status=0
  (cd "$ref/out" && find . -type f | sort) > "$target/ref.list"
  (cd "$target/out" && find . -type f | sort) > "$target/new.list"
  if ! cmp -s "$target/ref.list" "$target/new.list"; then echo "file sets differ:"; diff "$target/ref.list" "$target/new.list" | head -20; status=1; fi
  n=0
  while read -r p; do
    n=$((n + 1))
    if [ -f "$target/out/$p" ] && ! cmp -s "$ref/out/$p" "$target/out/$p"; then echo "differs: $p"; status=1; fi
  done < "$target/ref.list"
  echo "compared $n files: $([ $status -eq 0 ] && echo 'all byte-identical' || echo 'DIFFERENCES')"
  rm -rf "$target"
  exit $status
fi
echo "snapshot of $(find "$target/out" -type f | wc -l) files in $target"
