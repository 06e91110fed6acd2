# Conveniences for those who have make; each target calls tasks.py, the one entry point.
.PHONY: build rebuild test unit nbval lab pdf release bench lock clean help
build:   ## install what is missing, execute what changed, write data/processed, figures, report
	python3 tasks.py build
rebuild: ## execute every notebook again (build --force)
	python3 tasks.py build --force
test:    ## every test: package tests, strict nbval, build, fault and browser tests
	python3 tasks.py test
unit:    ## the fast tests only (no build, no browser, no nbval)
	python3 tasks.py unit
nbval:   ## strict nbval over the notebooks only
	python3 tasks.py nbval
lab:     ## JupyterLab at the project root
	python3 tasks.py lab
pdf:     ## report/report.pdf through headless Chromium
	python3 tasks.py pdf
release: ## the reuse kit of this version (zip, checksums, .zenodo.json) in .cache/release
	python3 tasks.py release
bench:   ## time set-up, build and larger data (about twenty minutes; not a test)
	python3 tasks.py bench
lock:    ## recompile requirements.lock from requirements.txt
	python3 tasks.py lock
clean:   ## remove .venv and the build cache (tracked files stay)
	python3 tasks.py clean
help:    ## list these targets
	@grep -E '^[a-z]+:.*## ' Makefile | sed -E 's/^([a-z]+):[^#]*## /  make \1\t/' | expand -t 16
