"""The data files: read them, check them against the schema, and model them."""
