"""The text layer shared by the extract and context stages: sentence splitting, the gazetteer
of actors, and the trie builder that turns word lists into fast patterns.

Nothing here knows about figures; both stages build on it.
"""
