"""Offline machine-translation engine over Argos packages (pure Python, no Django).

Public entry points: :class:`translation.engine.translator.Engine` to translate,
:mod:`translation.engine.packages` to install and list models. The demonstration models
are built outside the engine, by :mod:`translation.demo_models.builder`.
"""
