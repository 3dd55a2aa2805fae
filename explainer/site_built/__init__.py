"""Site built: publish a finished build atomically, and check the built HTML (links, resources)."""
