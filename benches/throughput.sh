#!/usr/bin/env bash
# Throughput of the default lint set in a release build.
#
#   benches/throughput.sh
#
# Builds a JSONL corpus of at least BENCH_MB megabytes (default 10) from
# fixtures/seeds/*.txt and the clean news corpus, builds the release binary,
# and reports MB/s single-threaded (-j1) and on all cores, plus the time to
# lint one small file. Uses hyperfine when installed (which also gives CPU
# time, a fairer figure on a busy machine), else a `date +%s%N` loop.
#
# Environment:
#   ARTLINT_CLEAN_CORPUS  clean news JSONL (default: ../shared/corpus/clean-news.jsonl)
#   BENCH_MB              corpus size in MB (default: 10)
#   BENCH_RUNS            timed runs per measurement (default: 5)
#   BENCH_DIR             where the corpus is written (default: target/bench; never committed)
#   ARTLINT_BIN           use this binary instead of building target/release/artlint
#   BENCH_NO_HYPERFINE    set to use the `date` loop even when hyperfine is installed
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi

CLEAN="${ARTLINT_CLEAN_CORPUS:-../shared/corpus/clean-news.jsonl}"
MB="${BENCH_MB:-10}"
RUNS="${BENCH_RUNS:-5}"
DIR="${BENCH_DIR:-target/bench}"
CORPUS="$DIR/corpus.jsonl"
SMALL="$(ls fixtures/seeds/*.txt | head -n 1)"

if [ ! -f "$CLEAN" ]; then
  echo "clean corpus not found: $CLEAN (set ARTLINT_CLEAN_CORPUS)" >&2
  exit 2
fi
mkdir -p "$DIR"

# Corpus: every seed file and clean record, repeated with fresh ids until the
# file holds at least $MB MB of JSONL.
python3 - "$CLEAN" "$CORPUS" "$MB" fixtures/seeds/*.txt <<'EOF'
import json, sys
clean, out, mb, seeds = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4:]
texts = []
for p in seeds:
    with open(p, encoding="utf-8") as f:
        texts.append(("seed", f.read()))
with open(clean, encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line:
            texts.append(("news", json.loads(line)["text"]))
target = int(mb * 1_000_000)
size, n = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while size < target:
        for kind, text in texts:
            rec = json.dumps({"id": f"{kind}-{n}.txt", "text": text}, ensure_ascii=False) + "\n"
            f.write(rec)
            size += len(rec.encode("utf-8"))
            n += 1
print(f"corpus: {out}: {n} records, {size / 1e6:.1f} MB")
EOF

if [ -n "${ARTLINT_BIN:-}" ]; then
  BIN="$ARTLINT_BIN"
else
  cargo build --release --quiet
  BIN="target/release/artlint"
fi
BYTES=$(wc -c <"$CORPUS")

# "WALL CPU": mean wall-clock and CPU (user + system) seconds of a command.
# Exit codes 0 and 1 are both fine (1 = findings). CPU time is only known with
# hyperfine; the fallback prints "-" for it.
measure() {
  if [ -z "${BENCH_NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null 2>&1; then
    local json="$DIR/hyperfine.json"
    hyperfine --style none --warmup 1 --runs "$RUNS" -N -i --export-json "$json" "$*" >/dev/null 2>&1 ||
      hyperfine --style none --warmup 1 --runs "$RUNS" -i --export-json "$json" "$*" >/dev/null
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["mean"], r["user"] + r["system"])' "$json"
  else
    "$@" >/dev/null 2>&1 || true # warm-up
    local total=0 start end
    for _ in $(seq "$RUNS"); do
      start=$(date +%s%N)
      "$@" >/dev/null 2>&1 || true
      end=$(date +%s%N)
      total=$((total + end - start))
    done
    python3 -c "print($total / $RUNS / 1e9, '-')"
  fi
}

# label, then "WALL CPU" from measure.
report() {
  python3 - "$BYTES" "$@" <<'PY'
import sys
b, label, wall, cpu = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), sys.argv[4]
line = f"{label:<22} {wall:7.3f} s wall  {b / 1e6 / wall:7.1f} MB/s"
if cpu != "-":
    line += f"   ({float(cpu):.3f} s CPU: {b / 1e6 / float(cpu):.1f} MB/s per CPU-second)"
print(line)
PY
}

CHECK=("$BIN" check --no-config --input-format jsonl --format concise --quiet)
echo "binary: $BIN ($("$BIN" --version)), $(nproc) core(s), $RUNS run(s) each"
# shellcheck disable=SC2046
report "single thread (-j1)" $(measure "${CHECK[@]}" -j1 "$CORPUS")
# shellcheck disable=SC2046
report "all cores (-j$(nproc))" $(measure "${CHECK[@]}" "$CORPUS")
read -r SMALL_S _ < <(measure "$BIN" check --no-config --format concise --quiet "$SMALL")
python3 -c "import sys; print(f'one small file         {float(sys.argv[1]) * 1000:7.1f} ms wall  ({sys.argv[2]}, {sys.argv[3]} bytes)')" \
  "$SMALL_S" "$SMALL" "$(wc -c <"$SMALL")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other processes inflate wall-clock figures)"
