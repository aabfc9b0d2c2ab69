"""Helpers for bench/peers.py: installing tools, running servers, the stock Wagtail site."""
