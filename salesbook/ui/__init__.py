"""Widgets of the workbook: question views, progress chart (the only package using ipywidgets).

Import the submodules you need (``salesbook.ui.views``, ``salesbook.ui.progress_chart``);
this package itself imports nothing, so ``import salesbook.ui.feedback`` stays light.
"""
