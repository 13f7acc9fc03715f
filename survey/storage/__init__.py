"""Storage: the database (db), its tables, the store that reads and writes them, migrations, demo and sample data."""
