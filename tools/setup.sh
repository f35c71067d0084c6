#!/usr/bin/env bash
# Installs what caselint needs on Debian 12 (when missing) and builds it.
#   tools/setup.sh [BUILD_DIR] [extra cmake arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:-build}"
shift || true

# The -dev packages also ship the static archives the caselint executable
# links (CASELINT_STATIC_DEPS); zlib1g-dev and liblzma-dev are for libxml2's
# static link (its ICU comes with libxml2-dev, which depends on libicu-dev).
# libmimalloc-dev is the allocator the executable links (CASELINT_MIMALLOC).
# libzip-dev and libpoppler-cpp-dev read Word documents and PDF (both loaded
# at run time: src/parse/zip_library.h, src/parse/pdf_module.h).
packages=(build-essential cmake ninja-build pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev libpcre2-dev libxml2-dev zlib1g-dev liblzma-dev
  libcli11-dev doctest-dev libyaml-cpp-dev nlohmann-json3-dev libdtl-dev libcurl4-openssl-dev
  libvectorscan-dev libre2-dev libmimalloc-dev libzip-dev libpoppler-cpp-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
