"""Brochure Reader: an offline reader for patient-education brochures about hard-to-treat
cancers."""

__version__ = "0.1.0"
APP_NAME = "brochure-reader"
APP_TITLE = "Brochure Reader"
