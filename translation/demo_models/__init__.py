"""The demonstration models: real, tiny, deterministic Argos packages built offline.

Kept apart from the engine (`translation.engine` reads packages, this builds them): only
`make demo`, the tests and bench/ need it, and only its sentence splitter needs onnx.
"""
