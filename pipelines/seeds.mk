# The seeds pipeline as Makefile rules: each stage turns one NDJSON file in out/ into the next,
# so `make` reruns only the stages whose input (or program, or setting) changed.
#
#   make -f pipelines/seeds.mk                       # programs from .build/release
#   make -f pipelines/seeds.mk BIN=.build/debug
#   make -f pipelines/seeds.mk REFERENCE_DATE=2024-01-31   # reruns normalize and the reports only
#   touch seeds/001_550b7ae7a5070b9e.txt && make -f pipelines/seeds.mk   # reruns everything
#
# out/fetched.ndjson -> out/cleaned.ndjson -> out/extracted.ndjson -> out/normalized.ndjson
#   -> out/seeds.md, out/seeds.html
# Each file is written to a temporary name and renamed, so a failed stage never leaves a
# half-written file that a later `make` would take as up to date.

BIN ?= .build/release
OUT ?= out
SEEDS ?= $(sort $(wildcard seeds/*.txt))
FETCHED_AT ?= 2023-12-07T00:00:00Z
REFERENCE_DATE ?= 2023-12-07

.PHONY: all clean-out FORCE
.DELETE_ON_ERROR:

all: $(OUT)/seeds.md $(OUT)/seeds.html

$(OUT):
	mkdir -p $@

# A setting is a file whose content is the value; it changes (and reruns what depends on it)
# only when the value does.
$(OUT)/reference-date.setting: FORCE | $(OUT)
	@echo '$(REFERENCE_DATE)' | cmp -s - $@ || echo '$(REFERENCE_DATE)' > $@

$(OUT)/fetched-at.setting: FORCE | $(OUT)
	@echo '$(FETCHED_AT)' | cmp -s - $@ || echo '$(FETCHED_AT)' > $@

$(OUT)/fetched.ndjson: $(SEEDS) $(BIN)/fetch $(OUT)/fetched-at.setting | $(OUT)
	$(BIN)/fetch --fetched-at '$(FETCHED_AT)' $(SEEDS) > $@.tmp && mv $@.tmp $@

$(OUT)/cleaned.ndjson: $(OUT)/fetched.ndjson $(BIN)/clean
	$(BIN)/clean < $< > $@.tmp && mv $@.tmp $@

$(OUT)/extracted.ndjson: $(OUT)/cleaned.ndjson $(BIN)/extract
	$(BIN)/extract < $< > $@.tmp && mv $@.tmp $@

$(OUT)/normalized.ndjson: $(OUT)/extracted.ndjson $(BIN)/normalize $(OUT)/reference-date.setting
	$(BIN)/normalize --reference-date '$(REFERENCE_DATE)' --rates ecb < $< > $@.tmp && mv $@.tmp $@

$(OUT)/seeds.md: $(OUT)/normalized.ndjson $(BIN)/report
	$(BIN)/report --format markdown --output $@ < $<

$(OUT)/seeds.html: $(OUT)/normalized.ndjson $(BIN)/report
	$(BIN)/report --format html --output $@ < $<

clean-out:
	rm -f $(OUT)/fetched.ndjson $(OUT)/cleaned.ndjson $(OUT)/extracted.ndjson $(OUT)/normalized.ndjson \
	  $(OUT)/seeds.md $(OUT)/seeds.html $(OUT)/*.setting $(OUT)/*.tmp
