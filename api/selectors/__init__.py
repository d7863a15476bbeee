"""Reads of the API app, one module per kind of object it publishes."""
