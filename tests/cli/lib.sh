# Shared by the command-line test scripts: source it with the script's
# arguments (CASELINT SOURCE_DIR). Sets $bin, $src and a scratch folder $tmp
# removed on exit (read-only files in it included); check NAME CONDITION...
# counts a result; finish prints the counts and fails if any check failed.
set -uo pipefail
bin="$(realpath "$1")"
src="$(realpath "$2")"
tmp="$(mktemp -d)"
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
pass=0
fail=0

check() {  # check NAME CONDITION...
  local name="$1"
  shift
  if "$@"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $name"
  fi
}

finish() {
  echo "$pass passed, $fail failed"
  test "$fail" -eq 0
}
