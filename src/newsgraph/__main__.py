"""`python -m newsgraph`: the same command line as the `newsgraph` script."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
