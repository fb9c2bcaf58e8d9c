"""History of the record: semantic diffs between commits, recent changes, feeds, last-updated dates."""
