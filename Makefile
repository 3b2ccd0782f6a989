# artkit: small Unix filters for plain-text news articles.

# The version the tools print (--version); a packager may give another.
VERSION = 0.9

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR ?= $(DATADIR)/zsh/site-functions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d

CC ?= cc
AR ?= ar
CFLAGS ?= -O2 -g
WARNFLAGS = -std=c11 -Wall -Wextra -Wpedantic
FEATURES = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
ALL_CFLAGS = $(WARNFLAGS) $(FEATURES) -Ilib $(CPPFLAGS) $(CFLAGS)

PKG_CONFIG ?= pkg-config
CHECK_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS ?= $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

TOOLS = $(patsubst cmd/%.c,cmd/%,$(wildcard cmd/art*.c))
LIBSRC = $(wildcard lib/*.c)
LIBOBJ = $(LIBSRC:.c=.o)
LIBHDR = $(wildcard lib/*.h)
UNITSRC = $(wildcard tests/unit/*.c)
UNITOBJ = $(UNITSRC:.c=.o)
MAN1 = $(wildcard man/*.1)
MAN5 = $(wildcard man/*.5)
MAN7 = $(wildcard man/*.7)

all: $(TOOLS)

lib/libart.a: $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

lib/%.o: lib/%.c $(LIBHDR)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The skeleton the tools share (cmd/tool.h), which holds the version.
cmd/tool.o: cmd/tool.c cmd/tool.h $(LIBHDR) Makefile
	$(CC) $(ALL_CFLAGS) -DARTKIT_VERSION='"$(VERSION)"' -c -o $@ cmd/tool.c

cmd/%: cmd/%.c cmd/tool.o cmd/tool.h lib/libart.a $(LIBHDR)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< cmd/tool.o lib/libart.a $(LDLIBS)

tests/unit/%.o: tests/unit/%.c $(LIBHDR) tests/unit/tests.h
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -c -o $@ $<

tests/unit/run: $(UNITOBJ) lib/libart.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(UNITOBJ) lib/libart.a \
	    $(CHECK_LIBS) $(LDLIBS)

# The tests need Check, prove and mandoc; tests/deps brings them in
# where it can (as root on Debian) and otherwise names the packages.
check: all bench/gen
	@sh tests/deps check
	@$(MAKE) -s tests/unit/run CHECK_CFLAGS="$$($(PKG_CONFIG) --cflags check)" \
	    CHECK_LIBS="$$($(PKG_CONFIG) --libs check)"
	tests/unit/run
	PATH="$$(pwd)/cmd:$$PATH" prove tests/cmd/*.t
	@$(MAKE) -s lint

lint:
	@test -z "$(MAN1)$(MAN5)$(MAN7)" || \
	    mandoc -Tlint -Wwarning $(MAN1) $(MAN5) $(MAN7)

# The whole suite again under AddressSanitizer and UBSan, and under
# valgrind, in build trees of their own (without the benchmark inputs).
check-asan:
	rm -rf build/asan && mkdir -p build/asan
	tar cf - --exclude=bench/out $(wildcard Makefile README.md cmd lib tests man seeds bench) | \
	    (cd build/asan && tar xf -)
	cd build/asan && $(MAKE) clean && ARTKIT_SHARED="$(CURDIR)/../shared" \
	    ASAN_OPTIONS=detect_leaks=1 $(MAKE) check \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined"

check-valgrind: all bench/gen
	@sh tests/deps valgrind
	@$(MAKE) -s tests/unit/run CHECK_CFLAGS="$$($(PKG_CONFIG) --cflags check)" \
	    CHECK_LIBS="$$($(PKG_CONFIG) --libs check)"
	CK_FORK=no valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite tests/unit/run
	ARTKIT_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
	    PATH="$$(pwd)/cmd:$$PATH" prove tests/cmd/*.t

# The fuzz targets of tests/fuzz, each built as a program that runs the
# target once on every input of its kept corpus (tests/cmd/fuzz.t), with
# the compiler and flags of the build; make fuzz builds them with
# libFuzzer and runs them (tests/fuzz/run, FUZZTIME seconds each).
FUZZSRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZBIN = $(FUZZSRC:.c=)
FUZZOBJ = tests/fuzz/replay.o tests/fuzz/util.o tests/fuzz/lines_portable.o
FUZZTIME = 60

check check-valgrind: $(FUZZBIN) tests/failinject.so
.SECONDARY: $(FUZZSRC:.c=.o) $(FUZZOBJ)

# The allocation failure shim of tests/cmd/failinject.t, preloaded into
# the ordinary build of the tools.
tests/failinject.so: tests/failinject.c
	$(CC) $(WARNFLAGS) -O2 -g -fPIC -shared -o $@ tests/failinject.c \
	    -ldl $(LDLIBS)

tests/fuzz/%.o: tests/fuzz/%.c tests/fuzz/fuzz.h $(LIBHDR)
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -c -o $@ $<

tests/fuzz/lines_portable.o: lib/lines.c $(LIBHDR)
	$(CC) $(ALL_CFLAGS) -DARTKIT_NO_SIMD -Dlines_init=plines_init \
	    -Dlines_free=plines_free -Dlines_next=plines_next \
	    -Dlines_find=plines_find -Dlines_plain=plines_plain \
	    -Dlines_take=plines_take -c -o $@ lib/lines.c

tests/fuzz/fuzz_%: tests/fuzz/fuzz_%.o $(FUZZOBJ) lib/libart.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(FUZZOBJ) lib/libart.a \
	    -lm $(LDLIBS)

fuzz:
	FUZZTIME=$(FUZZTIME) sh tests/fuzz/run

# Hostile inputs at full size (a 1 GB line, 10^6 articles, 10 s of
# /dev/urandom) through every tool, as a table; see tests/README.
hostile: all
	sh tests/hostile.sh full

# That cmd/failinject.t fails every place where the tool tests allocate
# (tests/failsites), failing every call of each of its cases.
check-failsites:
	sh tests/failsites all

# Line and branch coverage of lib/ and cmd/ by make check, as a table
# (tests/coverage, in build/coverage).
coverage:
	sh tests/coverage

# Whether the tools still do what those of BASE (a commit) do, on the
# options of the tool tests and many inputs (tests/compare; minutes).
compare:
	@test -n "$(BASE)" || { echo "usage: make compare BASE=commit" >&2; exit 2; }
	sh tests/compare $(BASE)

# A first look at the tools: the sample articles listed, then summed up.
demo: all
	cmd/artfields -H -f date,words,title seeds/000_323d18fcb59138b4.txt \
	    seeds/news.txt
	cmd/artstat seeds/000_323d18fcb59138b4.txt seeds/news.txt

bench: all bench/gen
	sh bench/run

# The generator of large article streams for the benchmarks.
bench/gen: bench/gen.c
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ bench/gen.c -lm $(LDLIBS)

# The tools, their pages, and the completion of each shell (one file
# for the four tools, under each tool's name where the shell looks for
# it by name).
install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
	    $(DESTDIR)$(FISHCOMPDIR)
	for t in $(TOOLS); do install -m 755 $$t $(DESTDIR)$(BINDIR); done
	for m in $(MAN1); do install -m 644 $$m $(DESTDIR)$(MANDIR)/man1; done
	for m in $(MAN5); do install -m 644 $$m $(DESTDIR)$(MANDIR)/man5; done
	for m in $(MAN7); do install -m 644 $$m $(DESTDIR)$(MANDIR)/man7; done
	install -m 644 cmd/completion/artkit.bash $(DESTDIR)$(BASHCOMPDIR)/artkit
	install -m 644 cmd/completion/_artkit $(DESTDIR)$(ZSHCOMPDIR)/_artkit
	install -m 644 cmd/completion/artkit.fish \
	    $(DESTDIR)$(FISHCOMPDIR)/artkit.fish
	for t in $(TOOLS:cmd/%=%); do \
	    ln -sf artkit $(DESTDIR)$(BASHCOMPDIR)/$$t && \
	    ln -sf artkit.fish $(DESTDIR)$(FISHCOMPDIR)/$$t.fish || exit 1; \
	done

uninstall:
	for t in $(TOOLS:cmd/%=%); do rm -f $(DESTDIR)$(BINDIR)/$$t \
	    $(DESTDIR)$(BASHCOMPDIR)/$$t $(DESTDIR)$(FISHCOMPDIR)/$$t.fish; done
	for m in $(MAN1); do rm -f $(DESTDIR)$(MANDIR)/man1/$${m#man/}; done
	for m in $(MAN5); do rm -f $(DESTDIR)$(MANDIR)/man5/$${m#man/}; done
	for m in $(MAN7); do rm -f $(DESTDIR)$(MANDIR)/man7/$${m#man/}; done
	rm -f $(DESTDIR)$(BASHCOMPDIR)/artkit $(DESTDIR)$(ZSHCOMPDIR)/_artkit \
	    $(DESTDIR)$(FISHCOMPDIR)/artkit.fish

clean:
	rm -f $(TOOLS) cmd/*.o lib/*.o lib/libart.a tests/unit/*.o tests/unit/run \
	    bench/gen
	rm -f tests/fuzz/*.o $(FUZZBIN) tests/failinject.so
	rm -rf build

.PHONY: all check lint check-asan check-valgrind demo bench install \
	uninstall clean
.PHONY: fuzz coverage hostile check-failsites compare
