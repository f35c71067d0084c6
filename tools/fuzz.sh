#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a while.
#   tools/fuzz.sh [SECONDS] [TARGET...]
# SECONDS per target (default 60; 14400 for four hours each). TARGETs: markdown
# html front_matter config manifest lsp_message prefilter docx pdf (default: all). Each target's corpus
# grows in build-fuzz/work/TARGET/ across runs, seeded from corpus/ (by file
# extension), fuzz/seeds/ and fuzz/regressions/. A crash, leak, hang (over 10 s
# per input) or memory blow-up (over 2 GiB) is saved as
# fuzz/regressions/TARGET/crash-* (or timeout-*, oom-*, leak-*): commit it with
# the fix, and the fuzz-replay-TARGET test replays it in every normal build.
# Environment: FUZZ_BUILD_DIR (default build-fuzz), FUZZ_CMAKE_ARGS (extra cmake
# arguments, e.g. -DCMAKE_CXX_COMPILER_LAUNCHER=ccache), FUZZ_JOBS (parallel
# jobs per target, default 1). Exit status 1 when any target found a problem.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds="${1:-60}"
shift || true
all=(markdown html front_matter config manifest lsp_message prefilter docx pdf)
targets=("$@")
((${#targets[@]})) || targets=("${all[@]}")
build="${FUZZ_BUILD_DIR:-build-fuzz}"
jobs="${FUZZ_JOBS:-1}"

for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "fuzz: unknown target $t (known: ${all[*]})" >&2; exit 2; }
done

# shellcheck disable=SC2086
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCASELINT_FUZZ=ON -DCASELINT_TESTS=OFF ${FUZZ_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/fuzz_}"

# Copies the seed files of one target into its corpus folder (flat names).
seed() {
  local dest="$1" dir="$2"
  shift 2
  [ -d "$dir" ] || return 0
  local f
  while IFS= read -r -d '' f; do
    cp -n "$f" "$dest/seed-$(printf '%s' "${f#"$root"/}" | tr '/' '_')"
  done < <(find "$dir" -type f ! -name '.*' "$@" -print0)
}

status=0
for t in "${targets[@]}"; do
  work="$build/work/$t"
  mkdir -p "$work/corpus" "fuzz/regressions/$t"
  case "$t" in
    markdown|front_matter) seed "$work/corpus" corpus \( -name '*.md' -o -name '*.markdown' \) ;;
    html) seed "$work/corpus" corpus \( -name '*.html' -o -name '*.htm' \) ;;
    config) seed "$work/corpus" corpus -name '*.yaml' ;;
    prefilter) seed "$work/corpus" corpus/studies \( -name '*.md' -o -name '*.html' \) ;;
    docx) seed "$work/corpus" corpus/word-pdf -name '*.docx' ;;
    pdf) seed "$work/corpus" corpus/word-pdf -name '*.pdf'; seed "$work/corpus" tests/hostile/files -name '*.pdf' ;;
  esac
  seed "$work/corpus" "fuzz/seeds/$t"
  seed "$work/corpus" "fuzz/regressions/$t"
  case "$t" in
    markdown) dict=fuzz/dict/markdown.dict ;;
    html) dict=fuzz/dict/html.dict ;;
    front_matter|config|manifest) dict=fuzz/dict/yaml.dict ;;
    lsp_message) dict=fuzz/dict/lsp_message.dict ;;
    prefilter) dict=fuzz/dict/markdown.dict ;;
    docx) dict=fuzz/dict/html.dict ;;  # XML tags; the zip's deflate hides most of them
    pdf) dict=fuzz/dict/pdf.dict ;;
  esac
  # A Word or PDF seed is larger than a text file.
  max_len=16384
  case "$t" in docx|pdf) max_len=131072 ;; esac
  echo "== fuzz $t for ${seconds}s ==" >&2
  args=("$work/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len"
        -dict="$dict" -artifact_prefix="fuzz/regressions/$t/" -print_final_stats=1)
  ((jobs > 1)) && args+=(-jobs="$jobs" -workers="$jobs")
  if ! ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp" UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      nice -n 10 "$build/fuzz/fuzz_$t" "${args[@]}" >"$work/log.txt" 2>&1; then
    echo "fuzz: $t found a problem; the input is in fuzz/regressions/$t/ and the log in $work/log.txt:" >&2
    grep -E "ERROR|SUMMARY|Test unit written" "$work/log.txt" | head -n 5 >&2 || true
    status=1
  else
    grep -E "stat::number_of_executed_units|cov: .*DONE|DONE" "$work/log.txt" | tail -n 2 >&2 || true
  fi
done
exit "$status"
