"""`python -m belarus_ip_report.build [--force]`: the README's `python3 tasks.py build`."""

import sys

from .pipeline import main

sys.exit(main())
