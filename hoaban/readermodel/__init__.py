"""A model of what an anonymous reader should see, checked against what the site serves.

Editor actions (actions.py) change a small site (site.py); the oracle (oracle.py) works out
from the database alone which articles every reader-facing surface should show, with which
title, byline, caption, tags and comments; surfaces.py reads the same facts from the served
responses. machine.py drives them as a hypothesis state machine, through the Django test client
(tests/) or through Varnish in front of a real server (e2e/test_reader_model_varnish.py).
"""
