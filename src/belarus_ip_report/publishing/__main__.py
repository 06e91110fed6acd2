"""`python -m belarus_ip_report.publishing [--force]`: the README's `python3 tasks.py build`."""

import sys

from belarus_ip_report.publishing.pipeline import main

sys.exit(main())
