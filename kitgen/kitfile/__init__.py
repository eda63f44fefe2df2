"""The kit on disk: brand.yml, its schema, and the portraits it approves."""
