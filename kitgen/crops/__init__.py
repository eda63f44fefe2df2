"""Platform crops: the preset table, face-aware placement and the encoder."""
