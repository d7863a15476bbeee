"""Offline machine-translation engine over Argos packages (pure Python, no Django).

Public entry points: :class:`translation.engine.translator.Engine` to translate,
:mod:`translation.engine.packages` to install and list models, and
:mod:`translation.engine.demo_models` to build the demonstration models.
"""
