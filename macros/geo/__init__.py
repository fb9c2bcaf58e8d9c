"""Geography from sourced coordinates: distances, cross-checks, checks and build-time SVG maps."""
