#!/usr/bin/env bash
# check --public and the config's public: make the public-safety rules apply
# to documents that do not say public: true themselves.
source "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/site/published" "$tmp/site/drafts"
study='# How Northwind cut reporting time with Amazon Aurora

Reporting time fell by TBD percent.
'
printf '%s' "$study" > "$tmp/site/drafts/a.md"
printf '%s' "$study" > "$tmp/site/published/a.md"

out="$("$bin" check --no-color --profile case-study "$tmp/site/drafts/a.md")"
check "a private study with TBD passes CS405" bash -c '! grep -q CS405 <<<"$0"' "$out"

out="$("$bin" check --no-color --public --profile case-study "$tmp/site/drafts/a.md")"
rc=$?
check "--public exits 1 on a draft mark" test "$rc" -eq 1
check "--public reports CS405 at line 3" grep -q "a.md:3:.*CS405 draft-marker-on-public-page" <<<"$out"
check "--public says why" grep -q "checked as a public page" <<<"$out"

printf 'overrides:\n  - files: "published/**"\n    public: true\n' > "$tmp/site/.caselint.yaml"
out="$(cd "$tmp/site" && "$bin" check --no-color --profile case-study drafts/a.md published/a.md)"
check "config public: reports the published file" grep -q "published/a.md:3:.*CS405" <<<"$out"
check "config public: leaves the other file alone" bash -c '! grep -q "drafts/a.md:3:.*CS405" <<<"$0"' "$out"

printf 'public: sometimes\n' > "$tmp/site/.caselint.yaml"
out="$(cd "$tmp/site" && "$bin" check --no-color drafts/a.md 2>&1)"
rc=$?
check "a bad public: value exits 2" test "$rc" -eq 2
check "a bad public: value names the file and line" grep -q '.caselint.yaml:1: invalid public "sometimes"; expected true or false' <<<"$out"

finish
