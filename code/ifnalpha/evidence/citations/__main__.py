"""Command line of the citation registry: ``python -m ifnalpha.evidence.citations --help``."""

import sys

from ifnalpha.evidence.citations.cli import main

sys.exit(main())
