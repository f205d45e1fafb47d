"""Input formats per locale (settings.FORMAT_MODULE_PATH): day first in every admin language."""
