"""Plain-Python logic of the Weighing Health Claims module: load, validate and render its data.

Nothing here imports MkDocs, so the same code can serve another site generator.
"""
