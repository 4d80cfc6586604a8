"""House-style rules: small pure functions, no I/O, no Pydantic, no UI."""
