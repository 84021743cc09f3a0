# CoordMap developer commands. `make demo` and `make test` set everything up on a fresh
# Debian 12 machine: Debian's QGIS, then a venv that sees PyQGIS with pinned requirements.
SHELL := /bin/bash
PYTHON := /usr/bin/python3
VENV := .venv
VPY := $(VENV)/bin/python
# The plain tier (no QGIS) also runs against the newest and the lowest supported releases of the
# dependencies, each in a venv without system site packages (numpy 2 cannot load QGIS's GDAL).
NEWEST_VENV := .venv-newest
LOWEST_VENV := .venv-lowest
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
APT_PACKAGES := qgis python3-qgis qgis-providers python3-venv xvfb xauth poppler-utils \
	qttools5-dev-tools pyqt5-dev-tools fonts-dejavu-core fonts-noto-core strace
TEST_OUTPUT := test-output
DEMO_OUTPUT := demo-output

export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup system-packages demo test lint package sample clean translations i18n \
	wheelhouse

setup: $(VENV)/.stamp

system-packages:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(VENV)/.stamp: requirements.txt requirements-dev.txt | system-packages
	$(PYTHON) -m venv --system-site-packages $(VENV)
	$(VPY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@

.venv-%/.stamp: requirements-%.txt | system-packages
	rm -rf .venv-$*
	$(PYTHON) -m venv .venv-$*
	.venv-$*/bin/python -m pip install -q --disable-pip-version-check -r requirements-$*.txt
	@touch $@

# Translations: `make translations` regenerates the .ts sources from the code (pylupdate5; new
# strings come in unfinished, removed ones obsolete: `tools/i18n.py todo` lists both), `make i18n`
# builds the .qm files the plugin loads (built, not committed; the zip ships them).
QM_FILES := $(patsubst %.ts,%.qm,$(wildcard i18n/coordmap_*.ts))

translations: | system-packages
	$(PYTHON) tools/i18n.py extract

i18n: $(QM_FILES)

i18n/%.qm: i18n/%.ts | system-packages
	lrelease -silent $< -qm $@

# Always rebuilt (it takes a second): the zip must match the working tree.
package: i18n
	$(PYTHON) tools/package.py --output coordmap.zip

sample: setup
	$(VPY) tools/sample_country.py --out resources/sample

# flake8-qgis: its QGIS (QGS1) and Qt6 (QGS3, QGS4) rules; QGS201/QGS202 are experimental
# guesses from method names (every addParameter call, for one), reviewed by hand instead.
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/flake8 --select=QGS1,QGS3,QGS4 --exclude=.venv,.venv-*,build .

# pytest (not `python -m pytest`): the checkout must not land on sys.path.
test: setup package lint $(NEWEST_VENV)/.stamp $(LOWEST_VENV)/.stamp
	@mkdir -p $(TEST_OUTPUT)
	$(NEWEST_VENV)/bin/pytest tests/plain
	$(LOWEST_VENV)/bin/pytest tests/plain
	COORDMAP_ZIP=$(CURDIR)/coordmap.zip COORDMAP_TEST_OUTPUT=$(CURDIR)/$(TEST_OUTPUT) \
	  $(VENV)/bin/pytest tests

# Wheels of the packages QGIS does not bundle, per platform, for installing without network
# (README, "Install offline"); downloaded here, never by the plugin.
wheelhouse:
	$(PYTHON) tools/wheelhouse.py --output build/wheelhouse

demo: setup
	$(VPY) -P tools/demo.py --output $(DEMO_OUTPUT)

clean:
	rm -rf build coordmap.zip $(TEST_OUTPUT) $(DEMO_OUTPUT)
