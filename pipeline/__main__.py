"""``python -m pipeline …``: the ``xinwen`` command, for environments without the script on PATH."""

from pipeline.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
