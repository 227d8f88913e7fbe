"""Recordings: a speech's audio or video, the files published with the site, and the checks on them."""
