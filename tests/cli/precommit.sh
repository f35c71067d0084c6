#!/usr/bin/env bash
# The real pre-commit (Debian's package) running caselint's hook from this
# repository on a temporary repository of case studies: a deficient staged
# study fails the commit with caselint's findings, the fixed study passes,
# and files that are not staged are not checked.
#   precommit.sh CASELINT SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"

if ! command -v pre-commit >/dev/null; then
  echo "FAIL: pre-commit is not installed; tools/test.sh installs it (apt-get install pre-commit)"
  exit 1
fi
rev="$(git -C "$src" rev-parse HEAD 2>/dev/null)" || { echo "FAIL: $src is not a git checkout"; exit 1; }

export PRE_COMMIT_HOME="$tmp/cache" HOME="$tmp/home" PATH="$(dirname "$bin"):$PATH"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com
mkdir -p "$HOME" "$tmp/repo"
cd "$tmp/repo"
git init -q .
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $src
    rev: $rev
    hooks:
      - id: caselint
YAML
printf 'profile: case-study\n' > .caselint.yaml
mkdir studies
cp "$src/corpus/CS104/fail-no-lessons.md" studies/acme.md
printf '# Not staged\n\nThis draft has nothing yet.\n' > studies/draft.md
git add .pre-commit-config.yaml .caselint.yaml studies/acme.md

pre-commit run > run1.txt 2>&1
check "a deficient staged study fails the hook" test $? -ne 0
check "the failure shows caselint's findings" grep -q 'studies/acme.md:[0-9]*:[0-9]*: error: .*\[CS104 missing-lessons-learned\]' run1.txt
check "files that are not staged are not checked" bash -c "! grep -q draft.md '$tmp/repo/run1.txt'"

# Fix the study: a complete reference from the corpus.
cp "$src/corpus/studies/northwind-freight-aurora.md" studies/acme.md
"$bin" --profile case-study studies/acme.md > /dev/null
complete=$?
git add studies/acme.md
pre-commit run > run2.txt 2>&1
rc=$?
check "the fixed study passes the hook" test $rc -eq "$complete" -a $rc -eq 0
check "git commit goes through with the hook installed" bash -c "pre-commit install >/dev/null && git commit -qm 'a study' >/dev/null 2>&1"

finish
