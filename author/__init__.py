"""author: write official meeting readouts from facts."""

__version__ = "0.1.0"
