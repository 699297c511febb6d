"""Storage: the engine, the tables, the repository and the migrations."""
