"""Views: mixins of `Renderer`, one per kind of reader view. Each hands data to a template."""
