"""The brand guide: Markdown pages from Jinja2 templates, then a strict MkDocs build."""
