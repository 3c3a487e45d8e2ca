"""papergraph: a knowledge graph of methods, architectures and datasets from ML paper abstracts.

The import package is ``graph``; data flows one way:
readers -> extract -> model (Paper, Entity, Claim) -> build -> export -> cli.
"""

__version__ = "0.2.0"
