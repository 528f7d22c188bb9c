# folio — build, test, install.
#   make            library and command line (bin/folio)
#   make check      the whole test suite
#   make check-asan the suites that run the code, under ASan + UBSan (clang)
#   make check-valgrind  the example and the corpus under valgrind memcheck
#   make fuzz       libFuzzer targets, FUZZ_SECONDS each (clang)
#   make bench      speed and memory beside peers
#   make install    PREFIX=/usr/local DESTDIR= (LIBDIR=$(PREFIX)/lib/x86_64-linux-gnu ...)
#   make uninstall  the same variables
#   make check-package  build the Debian packages, install them, render (as root)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include
# The installed folio finds its data at BINDIR/../share/folio whatever
# PREFIX it was built for (src/util/datadir.c); DATADIR is one more place.
DATADIR ?= $(PREFIX)/share/folio
MANDIR  ?= $(PREFIX)/share/man/man1
COMPDIR ?= $(PREFIX)/share/bash-completion/completions
VERSION := $(shell sed -n 's/.*FOLIO_VERSION "\(.*\)"/\1/p' include/folio/base.h)
SOVERSION = 0

CC      ?= cc
# Build and binary folders: a sanitizer build goes beside the normal one,
# e.g. make BUILD=build-asan BIN=bin-asan CC=clang CFLAGS="-fsanitize=..."
BUILD   ?= build
BIN     ?= bin
PKGS     = libzip libxml-2.0 zlib libcmark-gfm freetype2 libqrencode libpng \
           fontconfig harfbuzz harfbuzz-subset fribidi icu-uc
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -fPIC -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror \
           -Iinclude -Isrc $(shell pkg-config --cflags $(PKGS)) \
           -DFOLIO_DATADIR='"$(DATADIR)"'
LDLIBS   = -pthread -lhpdf -lcmark-gfm-extensions $(shell pkg-config --libs $(PKGS)) -lhyphen -lm

LIB_SRC  = $(filter-out src/cli/% src/gen/%,$(wildcard src/*/*.c))
CLI_SRC  = $(wildcard src/cli/*.c)
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/builtin_style.o \
           $(BUILD)/gen/builtin_report_rng.o $(BUILD)/gen/emblem_png.o \
           $(BUILD)/gen/srgb_icc.o
CLI_OBJ  = $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

SHLIB    = $(BUILD)/libfolio.so.$(VERSION)

all: $(BIN)/folio $(SHLIB)

$(BUILD)/%.o: %.c $(wildcard include/folio/*.h) $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(CFLAGS) -c $< -o $@

# The house style is read at run time; this built-in copy of the whole
# folder (every .style file and the hyphenation patterns folio ships) lets
# the binary run anywhere. house-files.txt changes when a file comes or
# goes, so the copy is made again then too.
HOUSE_FILES := $(shell find styles -type f \( -name '*.style' -o -name '*.dic' \) | LC_ALL=C sort)

FORCE:
$(BUILD)/gen/house-files.txt: FORCE
	@mkdir -p $(dir $@)
	@echo '$(HOUSE_FILES)' | cmp -s - $@ || echo '$(HOUSE_FILES)' > $@

$(BUILD)/gen/builtin_style.c: $(HOUSE_FILES) $(BUILD)/gen/house-files.txt
	@mkdir -p $(dir $@)
	@{ echo '/* generated from styles/: the built-in house style folder */'; \
	  echo '#include "house/house.h"'; \
	  i=0; for f in $(HOUSE_FILES); do \
	    echo "static const char f$$i[] = {"; \
	    od -An -v -tx1 $$f | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	    echo '0x00};'; i=$$((i + 1)); done; \
	  echo 'const folio_house_builtin folio_builtin_house[] = {'; \
	  i=0; for f in $(HOUSE_FILES); do \
	    echo "    {\"$${f#styles/}\", f$$i, sizeof f$$i - 1},"; i=$$((i + 1)); done; \
	  echo '};'; \
	  echo "const size_t folio_builtin_house_count = $$i;"; } > $@

$(BUILD)/gen/builtin_style.o: $(BUILD)/gen/builtin_style.c
	$(CC) $(CFLAGS) -c $< -o $@

# The report XML schema, built in for the same reason.
$(BUILD)/gen/builtin_report_rng.c: schema/folio-report.rng
	@mkdir -p $(dir $@)
	{ echo '/* generated from schema/folio-report.rng */'; \
	  echo 'const char folio_builtin_report_rng[] = {'; \
	  od -An -v -tx1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0x00};'; } > $@

$(BUILD)/gen/builtin_report_rng.o: $(BUILD)/gen/builtin_report_rng.c
	$(CC) $(CFLAGS) -c $< -o $@

# The sRGB ICC profile of the PDF/A output intent, from Debian's
# icc-profiles-free (.ci/packages), built in.
ICC_PROFILE ?= /usr/share/color/icc/sRGB.icc
$(BUILD)/gen/srgb_icc.c: $(ICC_PROFILE)
	@mkdir -p $(dir $@)
	@{ echo '/* generated from $(ICC_PROFILE) (Debian icc-profiles-free) */'; \
	  echo '#include <stddef.h>'; \
	  echo 'const unsigned char folio_srgb_icc[] = {'; \
	  od -An -v -tx1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '};'; \
	  echo 'const size_t folio_srgb_icc_len = sizeof folio_srgb_icc;'; } > $@

$(BUILD)/gen/srgb_icc.o: $(BUILD)/gen/srgb_icc.c
	$(CC) $(CFLAGS) -c $< -o $@

# The DOCX masthead's emblem PNG, rasterized once at build time by a
# generator linked from the art and the DOCX rasterizer alone.
EMBLEM_GEN_OBJ = $(BUILD)/src/gen/emblem_png_gen.o $(BUILD)/src/docx/docx_png.o \
                 $(patsubst %.c,$(BUILD)/%.o,$(wildcard src/art/*.c)) $(BUILD)/src/util/arena.o \
                 $(BUILD)/src/util/mem.o
$(BUILD)/gen/emblem_png_gen: $(EMBLEM_GEN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/gen/emblem_png.c: $(BUILD)/gen/emblem_png_gen
	$< $@

$(BUILD)/gen/emblem_png.o: $(BUILD)/gen/emblem_png.c
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/libfolio.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# The shared library exports the public interface alone (the functions the
# headers of include/ declare), under its soname libfolio.so.0.
$(BUILD)/folio.map: $(wildcard include/folio/*.h)
	@mkdir -p $(dir $@)
	@{ echo 'LIBFOLIO_0 {'; echo '  global:'; \
	  cat include/folio/*.h | grep -oE '\bfolio_[a-z0-9_]+ *\(' | tr -d ' (' | sort -u | \
	    sed 's/.*/    &;/'; \
	  echo '  local: *;'; echo '};'; } > $@

$(SHLIB): $(LIB_OBJ) $(BUILD)/folio.map
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,libfolio.so.$(SOVERSION) \
	  -Wl,--version-script=$(BUILD)/folio.map -Wl,--no-undefined -o $@ $(LIB_OBJ) $(LDLIBS)
	ln -sf libfolio.so.$(VERSION) $(BUILD)/libfolio.so.$(SOVERSION)
	ln -sf libfolio.so.$(SOVERSION) $(BUILD)/libfolio.so

# The command links the library statically: it also uses internal helpers
# (src/util/) that the shared library does not export.
$(BIN)/folio: $(CLI_OBJ) $(BUILD)/libfolio.a
	@mkdir -p $(BIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libfolio.a $(LDLIBS)

# The reader spec driver (tests/run_spec.sh).
$(BUILD)/tests/spec_dump: tests/spec/spec_dump.c $(BUILD)/libfolio.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libfolio.a $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libfolio.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libfolio.a $(LDLIBS) -lcmocka

# The public interface as a caller meets it (tests/run_api.sh): built with
# include/ alone. -MM lists every header the program reaches; one from
# src/ fails the build.
API_CFLAGS = $(filter-out -Isrc,$(CFLAGS))
$(BUILD)/tests/api_test: tests/api/api_test.c $(BUILD)/libfolio.a $(wildcard include/*.h include/folio/*.h)
	@mkdir -p $(dir $@)
	@if $(CC) $(API_CFLAGS) -MM $< | tr ' \\' '\n\n' | grep -E '(^|/)src/'; then \
	  echo "tests/api/api_test.c reaches an internal header (above)"; exit 1; fi
	$(CC) $(API_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libfolio.a $(LDLIBS)

# Allocation failures (tests/run_nomem.sh).
$(BUILD)/tests/nomem: tests/nomem/nomem.c $(BUILD)/libfolio.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libfolio.a $(LDLIBS)

# The fuzz targets without libFuzzer: tests/fuzz/replay.c runs them over
# their corpora (tests/run_fuzz_replay.sh), under any compiler.
FUZZ_TARGETS = fuzz_markdown fuzz_pipeline fuzz_xml fuzz_house fuzz_docx
FUZZ_REPLAY  = $(FUZZ_TARGETS:%=$(BUILD)/tests/%_replay)

$(BUILD)/tests/%_replay: tests/fuzz/%.c tests/fuzz/replay.c $(BUILD)/libfolio.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(BUILD)/libfolio.a $(LDLIBS)

# The whole suite: unit tests, reader specs, golden layout traces, fuzz
# corpora, and the checks of every produced PDF and DOCX.
check: $(BIN)/folio $(UNIT_BIN) $(FUZZ_REPLAY) $(BUILD)/tests/api_test $(BUILD)/tests/nomem
	@sh tests/run_all.sh $(UNIT_BIN)

# The suites that exercise the code, built with clang's AddressSanitizer
# (with leak checks) and UndefinedBehaviorSanitizer into build-asan/ and
# bin-asan/. LibreOffice's reading of the DOCX is left out (SANITIZED=1).
SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=all
# Full stacks on malloc (libhyphen has no frame pointers), so that the one
# suppressed leak, in libhyphen's loader, is matched by name.
SAN_ENV   = ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 \
            LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
            UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
check-asan:
	@$(MAKE) -s BUILD=build-asan BIN=bin-asan CC=clang \
	  CFLAGS="$(SAN_FLAGS) -fsanitize=address,undefined" san-suites

check-ubsan:
	@$(MAKE) -s BUILD=build-ubsan BIN=bin-ubsan CC=clang \
	  CFLAGS="$(SAN_FLAGS) -fsanitize=undefined" san-suites

san-suites: $(BIN)/folio $(UNIT_BIN) $(FUZZ_REPLAY) $(BUILD)/tests/spec_dump $(BUILD)/tests/api_test \
            $(BUILD)/tests/nomem
	@$(SAN_ENV) BUILD=$(BUILD) FOLIO=./$(BIN)/folio SANITIZED=1 \
	  SUITES="unit spec golden cli house batch concurrency deploy stress repro outputs tagged docx_read furniture xml akn limits composite badinput fuzz_replay real api nomem languages" \
	  sh tests/run_all.sh $(UNIT_BIN)

# valgrind memcheck (Debian package valgrind) over the example and every
# corpus report (PDF and DOCX), the XML reader, a batch and failing runs:
# any memory error or definite leak fails. For developers; .ci/run does not
# run it (a few minutes).
check-valgrind: $(BIN)/folio
	@FOLIO=./$(BIN)/folio sh tests/run_valgrind.sh

# libFuzzer: build the targets (clang) into build-fuzz/ and run each for
# FUZZ_SECONDS on a copy of its corpus, with its dictionary of
# pathological patterns (tests/fuzz/*.dict); new inputs land in
# build-fuzz/, crashers in build-fuzz/crash-*. Add crashers to
# tests/fuzz/corpus_*/. `make fuzz-long` runs each target for an hour
# (FUZZ_LONG_SECONDS), one after the other at the lowest priority, and
# logs executions and findings in build-fuzz/TARGET.log.
FUZZ_SECONDS ?= 60
FUZZ_LONG_SECONDS ?= 3600
# The targets load libhyphen's dictionaries with leak checks off: fast stacks.
FUZZ_ENV      = ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
FUZZ_CFLAGS   = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined,fuzzer-no-link
fuzz:
	@$(MAKE) -s BUILD=build-fuzz BIN=bin-fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS)" fuzz-bins
	@for t in $(FUZZ_TARGETS); do \
	  n=$${t#fuzz_}; c=tests/fuzz/corpus_$$n; w=build-fuzz/corpus_$$n; \
	  d=tests/fuzz/$$n.dict; [ -f $$d ] || d=tests/fuzz/markdown.dict; \
	  mkdir -p $$w && cp $$c/* $$w/ && \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s" && \
	  $(FUZZ_ENV) ./build-fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -dict=$$d -timeout=30 -rss_limit_mb=4096 -artifact_prefix=build-fuzz/ $$w $$c || exit 1; \
	done

fuzz-long:
	@$(MAKE) -s BUILD=build-fuzz BIN=bin-fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS)" fuzz-bins
	@sh tests/fuzz/long.sh $(FUZZ_LONG_SECONDS) $(FUZZ_TARGETS)

fuzz-bins: $(FUZZ_TARGETS:%=$(BUILD)/%)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(BUILD)/libfolio.a
	$(CC) $(CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $< $(BUILD)/libfolio.a $(LDLIBS)

bench: $(BIN)/folio
	@sh bench/run.sh

example: $(BIN)/folio
	@mkdir -p out
	./bin/folio render examples/seed-es.md -o out
	./bin/folio render examples/report-zh.md -o out
	./bin/folio render examples/report-ar.md -o out

install: $(BIN)/folio $(BUILD)/libfolio.a $(SHLIB)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
	  $(DESTDIR)$(INCDIR)/folio $(DESTDIR)$(DATADIR)/fonts \
	  $(DESTDIR)$(DATADIR)/styles $(DESTDIR)$(MANDIR) $(DESTDIR)$(COMPDIR)
	install -m 755 $(BIN)/folio $(DESTDIR)$(BINDIR)/folio
	install -m 644 $(BUILD)/libfolio.a $(DESTDIR)$(LIBDIR)/libfolio.a
	install -m 644 $(SHLIB) $(DESTDIR)$(LIBDIR)/libfolio.so.$(VERSION)
	ln -sf libfolio.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libfolio.so.$(SOVERSION)
	ln -sf libfolio.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libfolio.so
	install -m 644 include/folio.h $(DESTDIR)$(INCDIR)/folio.h
	install -m 644 include/folio/*.h $(DESTDIR)$(INCDIR)/folio/
	install -m 644 fonts/*.ttf fonts/LICENSE* $(DESTDIR)$(DATADIR)/fonts/
	for f in $(HOUSE_FILES) styles/hyphen/*.notice; do \
	  install -D -m 644 $$f $(DESTDIR)$(DATADIR)/$$f || exit 1; done
	install -m 644 docs/folio.1 $(DESTDIR)$(MANDIR)/folio.1
	install -m 644 completion/folio.bash $(DESTDIR)$(COMPDIR)/folio
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCDIR@|$(INCDIR)|' \
	  -e 's|@VERSION@|$(VERSION)|' -e 's|@PKGS@|$(PKGS)|' folio.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/folio.pc

# Everything install wrote, and the folders it made that are left empty.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/folio $(DESTDIR)$(LIBDIR)/libfolio.a \
	  $(DESTDIR)$(LIBDIR)/libfolio.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libfolio.so.$(SOVERSION) \
	  $(DESTDIR)$(LIBDIR)/libfolio.so $(DESTDIR)$(LIBDIR)/pkgconfig/folio.pc \
	  $(DESTDIR)$(INCDIR)/folio.h $(DESTDIR)$(MANDIR)/folio.1 $(DESTDIR)$(COMPDIR)/folio
	rm -rf $(DESTDIR)$(INCDIR)/folio $(DESTDIR)$(DATADIR)
	-rmdir -p $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(COMPDIR) $(DESTDIR)$(MANDIR) \
	  $(DESTDIR)$(BINDIR) $(DESTDIR)$(INCDIR) 2>/dev/null

# The Debian packages (debian/): built with dpkg-buildpackage in a copy of
# the tree, installed with dpkg, the example rendered from another folder
# with the installed folio and a program built against libfolio-dev, then
# removed (tests/run_package.sh). Needs root and debhelper.
check-package:
	@sh tests/run_package.sh

clean:
	rm -rf build bin out build-asan bin-asan build-ubsan bin-ubsan build-fuzz bin-fuzz

.PHONY: FORCE all check check-asan check-ubsan check-valgrind san-suites fuzz fuzz-long fuzz-bins bench example install uninstall check-package clean
.SECONDARY:
