"""The kit on disk: brand.yml, its schema, and the portraits it approves."""

# The files taken as portraits. Kept here, away from the schema's imports (pydantic), so the
# build can count a kit's images before it reads brand.yml (kitgen.early_start).
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".gif", ".tif", ".tiff")
