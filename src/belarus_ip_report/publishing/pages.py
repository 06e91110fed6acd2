"""What every page of the publication shares: its Content-Security-Policy (nothing loads from
elsewhere, nothing runs) and the Jinja2 environment that renders it, with the words of its
edition (`translation`)."""

from __future__ import annotations

import jinja2

from belarus_ip_report.foundation import paths
from belarus_ip_report.publishing.translation import translations

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)


def template_environment(lang: str = "en") -> jinja2.Environment:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(paths.TEMPLATES),
                                     autoescape=jinja2.select_autoescape(["html", "j2"]),
                                     trim_blocks=True, lstrip_blocks=True,
                                     keep_trailing_newline=True,
                                     extensions=["jinja2.ext.i18n"])
    environment.install_gettext_translations(translations(lang), newstyle=True)
    return environment
