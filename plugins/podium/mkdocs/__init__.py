"""The MkDocs adapters: thin plugins over the core, rendering and features (one module per plugin)."""
