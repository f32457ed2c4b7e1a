"""Storage backends behind the Store seam (see base.py)."""
