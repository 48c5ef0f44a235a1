"""What the data is: the registry of sources and the data dictionary of every column."""
