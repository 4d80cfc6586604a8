"""The editor's widgets: each turns its fields into its part of the readout's plain data."""
