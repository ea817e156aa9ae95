# tfnative: `make demo` (set up, build, run the guide) and `make test` (every test).
PKG     := tfnative
VERSION := $(shell sed -n 's/^Version: //p' DESCRIPTION)
BUILD   := build
LIB     := $(BUILD)/lib
EIGEN   = $(shell Rscript -e 'cat(system.file("include", package = "RcppEigen"))')
JOBS    ?= 2

.PHONY: deps install demo test test-cpp test-cpp-sanitize test-r check bench clean

deps:
	@bash tools/install-deps.sh

$(LIB):
	@mkdir -p $(LIB)

install: deps | $(LIB)
	@# R's make knows no header dependencies: rebuild everything when a header changed.
	@if [ -f src/$(PKG).so ] && [ -n "$$(find src -name '*.h' -newer src/$(PKG).so)" ]; then \
	  rm -f src/*.o src/*.so src/engine/*.o src/engine/*/*.o; fi
	R CMD INSTALL --no-multiarch --library=$(LIB) . > $(BUILD)/install.log 2>&1 || (cat $(BUILD)/install.log; exit 1)

demo: install
	R_LIBS=$(abspath $(LIB)) Rscript inst/examples/guide.R

test: deps
	@bash tools/run-tests.sh

test-cpp: deps
	cmake -S tests/cpp -B $(BUILD)/cpp -DEIGEN_INCLUDE_DIR=$(EIGEN) -DCMAKE_BUILD_TYPE=Release > /dev/null
	cmake --build $(BUILD)/cpp -j $(JOBS)
	cd $(BUILD)/cpp && ctest --output-on-failure

test-cpp-sanitize: deps
	cmake -S tests/cpp -B $(BUILD)/cpp-san -DEIGEN_INCLUDE_DIR=$(EIGEN) -DSANITIZE=ON -DCMAKE_BUILD_TYPE=Debug > /dev/null
	cmake --build $(BUILD)/cpp-san -j $(JOBS)
	cd $(BUILD)/cpp-san && ctest --output-on-failure

test-r: install
	R_LIBS=$(abspath $(LIB)) Rscript -e 'testthat::test_dir("tests/testthat", package = "$(PKG)", load_package = "installed", stop_on_failure = TRUE)'

check: deps
	cd $(BUILD) && R CMD build .. && _R_CHECK_FORCE_SUGGESTS_=false R CMD check --no-manual $(PKG)_$(VERSION).tar.gz

bench: install
	for f in bench/bench-*.R; do R_LIBS=$(abspath $(LIB)) Rscript $$f; done

clean:
	rm -rf $(BUILD) src/*.o src/*.so src/engine/*.o src/engine/*/*.o
