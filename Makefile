# Conveniences for those who have make; each target calls tasks.py, the one entry point.
.PHONY: build rebuild test nbval lab bench clean help
build: ; python3 tasks.py build
rebuild: ; python3 tasks.py build --force
test: ; python3 tasks.py test
nbval: ; python3 tasks.py nbval
lab: ; python3 tasks.py lab
bench: ; python3 tasks.py bench
clean: ; python3 tasks.py clean
help: ; python3 tasks.py help
