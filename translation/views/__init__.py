"""Admin views of the translation workflow (thin: they call services and selectors)."""
