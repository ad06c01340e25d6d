"""The site: pages, open data, feed, PDF and theme, built by MkDocs through the plugin."""
