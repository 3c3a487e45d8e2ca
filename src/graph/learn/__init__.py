"""Learning the decisions extraction makes: which candidate claims and entities to keep, and how
sure to be. Training reads gold files (shared/ANNOTATION.md); extraction only reads the weights
this writes (data/model/). See learn/train.py for the command that retrains."""
