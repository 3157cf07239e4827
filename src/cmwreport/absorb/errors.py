"""What absorb raises when a source file cannot be edited in place."""

from cmwreport.errors import CmwError


class YamlEditError(CmwError):
    """A source file absorb cannot edit in place (flow style, a vanished item ...)."""
