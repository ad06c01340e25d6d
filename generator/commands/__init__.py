"""The commands beside the build: edit the data files, start a council, publish, summarise a pull request."""
