"""salesbook: Jupyter course workbook for Sales- en accountmanagement."""

from __future__ import annotations

from salesbook.exceptions import SalesbookError

__version__ = "0.1.0"

__all__ = ["SalesbookError", "__version__"]
