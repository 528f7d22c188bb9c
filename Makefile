# folio — build, test, install.
#   make            library and command line (bin/folio)
#   make check      the whole test suite
#   make bench      speed and memory beside peers
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
LIBDIR   = $(PREFIX)/lib
INCDIR   = $(PREFIX)/include
DATADIR  = $(PREFIX)/share/folio
MANDIR   = $(PREFIX)/share/man/man1

CC      ?= cc
PKGS     = libzip libxml-2.0 zlib libcmark-gfm freetype2 libqrencode libpng
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror \
           -Iinclude -Isrc $(shell pkg-config --cflags $(PKGS)) \
           -DFOLIO_DATADIR='"$(DATADIR)"'
LDLIBS   = -pthread -lhpdf -lcmark-gfm-extensions $(shell pkg-config --libs $(PKGS)) -lhyphen -lm

LIB_SRC  = $(filter-out src/cli/%,$(wildcard src/*/*.c))
CLI_SRC  = $(wildcard src/cli/*.c)
LIB_OBJ  = $(LIB_SRC:%.c=build/%.o) build/gen/builtin_style.o
CLI_OBJ  = $(CLI_SRC:%.c=build/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/tests/%)

all: bin/folio

build/%.o: %.c $(wildcard include/folio/*.h) $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(CFLAGS) -c $< -o $@

# The house style is read at run time; this built-in copy lets the binary
# run anywhere.
build/gen/builtin_style.c: styles/un.style
	@mkdir -p $(dir $@)
	{ echo '/* generated from styles/un.style */'; \
	  echo 'const char folio_builtin_style[] = {'; \
	  od -An -v -tx1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0x00};'; } > $@

build/gen/builtin_style.o: build/gen/builtin_style.c
	$(CC) $(CFLAGS) -c $< -o $@

build/libfolio.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

bin/folio: $(CLI_OBJ) build/libfolio.a
	@mkdir -p bin
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) build/libfolio.a $(LDLIBS)

# The reader spec driver (tests/run_spec.sh).
build/tests/spec_dump: tests/spec/spec_dump.c build/libfolio.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< build/libfolio.a $(LDLIBS)

build/tests/%: tests/unit/%.c build/libfolio.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< build/libfolio.a $(LDLIBS) -lcmocka

# The whole suite: unit tests, reader specs, golden layout traces, and the
# checks of every produced PDF and DOCX.
check: bin/folio $(UNIT_BIN)
	@sh tests/run_all.sh $(UNIT_BIN)

bench: bin/folio
	@sh bench/run.sh

example: bin/folio
	@mkdir -p out
	./bin/folio render examples/seed-es.md -o out

install: bin/folio build/libfolio.a
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
	  $(DESTDIR)$(INCDIR)/folio $(DESTDIR)$(DATADIR)/fonts \
	  $(DESTDIR)$(DATADIR)/styles $(DESTDIR)$(MANDIR)
	install -m 755 bin/folio $(DESTDIR)$(BINDIR)/folio
	install -m 644 build/libfolio.a $(DESTDIR)$(LIBDIR)/libfolio.a
	install -m 644 include/folio.h $(DESTDIR)$(INCDIR)/folio.h
	install -m 644 include/folio/*.h $(DESTDIR)$(INCDIR)/folio/
	install -m 644 fonts/*.ttf fonts/LICENSE* $(DESTDIR)$(DATADIR)/fonts/
	install -m 644 styles/*.style $(DESTDIR)$(DATADIR)/styles/
	install -m 644 docs/folio.1 $(DESTDIR)$(MANDIR)/folio.1
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(shell sed -n 's/.*FOLIO_VERSION "\(.*\)"/\1/p' include/folio/base.h)|' \
	  -e 's|@PKGS@|$(PKGS)|' folio.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/folio.pc

clean:
	rm -rf build bin out

.PHONY: all check bench example install clean
.SECONDARY:
