#!/usr/bin/env python
"""Django's command-line utility for Mitra (the `mitra` console command wraps it)."""

import sys

from mitra.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
