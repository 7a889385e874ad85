"""Question banks: the model, safe YAML, located reading, loading and checking, the catalogue of folders."""
