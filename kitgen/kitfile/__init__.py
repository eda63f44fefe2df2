"""The kit on disk: brand.yml, its schema, and the portraits it approves."""

# The files taken as portraits. Kept here, away from the schema's imports (pydantic), so the
# build can count a kit's images before it reads brand.yml (kitgen.early_start).
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".gif", ".tif", ".tiff")
# Image files kitgen does not take, named as skipped rather than passed over in silence
# (AVIF is read only by some Pillow builds; camera raw files need developing first).
OTHER_IMAGE_SUFFIXES = (".avif", ".bmp", ".jxl", ".jp2", ".psd", ".svg", ".dng", ".cr2",
                        ".cr3", ".nef", ".arw", ".orf", ".raf", ".rw2", ".raw")
