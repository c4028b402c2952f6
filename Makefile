# memtutor: build, test, install.  `make run` and `make test` are the whole set-up
# on a fresh Debian machine: both check (and, as root, install) the dependencies.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PKGS    := ncursesw libcjson

WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
CSTD    := -std=c11 -D_GNU_SOURCE -D_XOPEN_SOURCE_EXTENDED
ifeq ($(SANITIZE),1)
  BUILD := build/san
  OPT   := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all -DMEMTUTOR_CHECKS
  LDSAN := -fsanitize=address,undefined
else
  BUILD := build/rel
  OPT   := -O2 -g
  LDSAN :=
endif

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(CSTD) $(OPT) $(WARN) -Isim -Itui -I$(BUILD) $(PKG_CFLAGS) $(CFLAGS)
ALL_LDLIBS = $(LDSAN) $(PKG_LIBS) -lm $(LDLIBS)

SIM_SRC  := $(wildcard sim/*.c)
TUI_SRC  := $(filter-out tui/main.c,$(wildcard tui/*.c))
LESSONS  := $(sort $(filter-out lessons/lesson.schema.json,$(wildcard lessons/*.json)))
LIB_OBJ  := $(SIM_SRC:%.c=$(BUILD)/%.o) $(TUI_SRC:%.c=$(BUILD)/%.o) $(BUILD)/lessons_gen.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

BIN := memtutor
ifeq ($(SANITIZE),1)
  BIN := $(BUILD)/memtutor
endif

.PHONY: all deps deps-check deps-test run test test-unit test-cpython test-lessons test-screens \
	test-e2e test-bad install clean bench bench-karatsuba cpython-expect fuzz

all: deps-check $(BIN)

deps:
	@sh tools/deps.sh install

deps-check:
	@sh tools/deps.sh check

deps-test:
	@sh tools/deps.sh check test

$(BIN): $(LIB_OBJ) $(BUILD)/tui/main.o
	$(CC) $(OPT) -o $@ $^ $(ALL_LDLIBS)

$(BUILD)/%.o: %.c $(wildcard sim/*.h tui/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/lessons_gen.c: $(LESSONS) tools/embed.sh
	@mkdir -p $(dir $@)
	sh tools/embed.sh $(LESSONS) > $@

$(BUILD)/lessons_gen.o: $(BUILD)/lessons_gen.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $$(pkg-config --cflags cmocka) -o $@ $< $(LIB_OBJ) $$(pkg-config --libs cmocka) $(ALL_LDLIBS)

run: all
	./$(BIN)

# Every suite runs; tools/summary.sh prints the one closing line and fails if any failed.
test: export MEMTUTOR_HEAP_CHECK = 1
# the screens, casts and pages were made with the 3.11 profile, whatever python3
# this machine has; tests/cpython and tests/profiles choose each profile themselves
test: export MEMTUTOR_PYTHON = 3.11
test: deps-test $(BIN) $(UNIT_BIN)
	@rm -f $(BUILD)/results; mkdir -p $(BUILD)
	@sh tools/suite.sh $(BUILD) unit     sh tools/run-unit.sh $(BUILD) $(UNIT_BIN)
	@for s in $(filter-out tests/fuzz/run.sh,$(wildcard tests/*/run.sh)); do n=$$(basename $$(dirname $$s)); \
	  sh tools/suite.sh $(BUILD) $$n sh $$s ./$(BIN) || true; done
	@sh tools/summary.sh $(BUILD)

test-unit: deps-check $(UNIT_BIN)
	@sh tools/run-unit.sh $(BUILD) $(UNIT_BIN)

# the expectations of tests/cpython from CPython 3.11, 3.12 and 3.13
cpython-expect: $(BIN)
	sh tests/cpython/regen.sh

$(BUILD)/bench/stepback: tests/bench/stepback.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJ) $(ALL_LDLIBS)

bench: all $(BUILD)/bench/stepback
	python3 tests/bench/run.py ./$(BIN) 5 $(BUILD)/bench/stepback

# the Karatsuba cutoffs of sim/bigint.c measured on this machine (not part of bench)
$(BUILD)/bench/karatsuba: tests/bench/karatsuba.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJ) $(ALL_LDLIBS)

bench-karatsuba: $(BUILD)/bench/karatsuba
	$(BUILD)/bench/karatsuba

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/memtutor
	if [ -f memtutor.1 ]; then install -m 644 memtutor.1 $(DESTDIR)$(PREFIX)/share/man/man1/memtutor.1; fi

clean:
	rm -rf build memtutor

# libFuzzer targets (clang): the lesson loader, the parser, the interpreter,
# and the TUI's key handling on a headless screen (keys: sim + tui).
# `make fuzz FUZZ_SECONDS=N` runs each for N seconds; not part of `make test`.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_BUILD   ?= build/fuzz
FUZZ_CFLAGS  := $(CSTD) -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all -Isim $(PKG_CFLAGS)
FUZZ_TARGETS := lesson parse interp keys

fuzz: $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
	sh tests/fuzz/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_BUILD) $(FUZZ_TARGETS)

$(FUZZ_BUILD)/sim/%.o: sim/%.c $(wildcard sim/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/libsim.a: $(SIM_SRC:%.c=$(FUZZ_BUILD)/%.o)
	rm -f $@ && ar rcs $@ $^

$(FUZZ_BUILD)/tui/%.o: tui/%.c $(wildcard sim/*.h tui/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Itui -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/lessons_gen.c: $(LESSONS) tools/embed.sh
	@mkdir -p $(dir $@)
	sh tools/embed.sh $(LESSONS) > $@

$(FUZZ_BUILD)/libtui.a: $(TUI_SRC:%.c=$(FUZZ_BUILD)/%.o) $(FUZZ_BUILD)/lessons_gen.c
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $(FUZZ_BUILD)/lessons_gen.o $(FUZZ_BUILD)/lessons_gen.c
	rm -f $@ && ar rcs $@ $(TUI_SRC:%.c=$(FUZZ_BUILD)/%.o)

$(FUZZ_BUILD)/fuzz_keys: tests/fuzz/fuzz_keys.c $(FUZZ_BUILD)/libtui.a $(FUZZ_BUILD)/libsim.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Itui -fsanitize=fuzzer -o $@ $< $(FUZZ_BUILD)/libtui.a $(FUZZ_BUILD)/libsim.a \
		$(FUZZ_BUILD)/lessons_gen.o $(PKG_LIBS) -lm -lpthread

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_BUILD)/libsim.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_BUILD)/libsim.a $(PKG_LIBS) -lm -lpthread
