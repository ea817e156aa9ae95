#!/usr/bin/env bash
# Installs what building, testing and checking tfnative needs, if it is missing:
# R packages (Debian's r-cran-* when apt is usable, else CRAN), Catch2, CMake, pandoc.
set -euo pipefail

r_pkgs="Rcpp RcppEigen testthat knitr rmarkdown withr"
missing_r=$(Rscript -e 'p <- strsplit(commandArgs(TRUE), " ")[[1]]; cat(p[!vapply(p, requireNamespace, TRUE, quietly = TRUE)])' "$r_pkgs")
need_catch=0; [ -f /usr/include/catch2/catch.hpp ] || need_catch=1
need_cmake=0; command -v cmake >/dev/null 2>&1 || need_cmake=1
need_pandoc=0; command -v pandoc >/dev/null 2>&1 || need_pandoc=1

if [ -z "$missing_r" ] && [ $need_catch = 0 ] && [ $need_cmake = 0 ] && [ $need_pandoc = 0 ]; then
  exit 0
fi

apt_ok=0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then apt_ok=1; fi

if [ $apt_ok = 1 ]; then
  debs=""
  for p in $missing_r; do debs="$debs r-cran-$(echo "$p" | tr 'A-Z' 'a-z')"; done
  [ $need_catch = 1 ] && debs="$debs catch2"
  [ $need_cmake = 1 ] && debs="$debs cmake"
  [ $need_pandoc = 1 ] && debs="$debs pandoc"
  echo "install-deps: apt-get install$debs"
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $debs >/dev/null || true
fi

# Whatever is still missing comes from CRAN.
still=$(Rscript -e 'p <- strsplit(commandArgs(TRUE), " ")[[1]]; cat(p[!vapply(p, requireNamespace, TRUE, quietly = TRUE)])' "$r_pkgs")
if [ -n "$still" ]; then
  echo "install-deps: from CRAN: $still"
  Rscript -e 'install.packages(strsplit(commandArgs(TRUE), " ")[[1]], repos = "https://cloud.r-project.org")' "$still"
fi
[ -f /usr/include/catch2/catch.hpp ] || { echo "install-deps: Catch2 (catch2 package) is missing" >&2; exit 1; }
command -v cmake >/dev/null 2>&1 || { echo "install-deps: cmake is missing" >&2; exit 1; }
command -v pandoc >/dev/null 2>&1 || { echo "install-deps: pandoc is missing" >&2; exit 1; }
