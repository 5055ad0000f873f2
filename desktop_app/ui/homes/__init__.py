"""The ALT homes (« Logements »): occupancy, stays and the home forms."""
