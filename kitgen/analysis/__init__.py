"""Analysis stages: faces, palettes and (later) the emotional reading."""
