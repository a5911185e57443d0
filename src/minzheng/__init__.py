"""minzheng: typed, validated objects and rules-as-code for Chinese civil-affairs software."""

from minzheng._version import __version__

__all__ = ["__version__"]
