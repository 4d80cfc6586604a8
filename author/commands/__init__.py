"""The `author` commands, one module each (as towncrier has them): `add_parser`, which
adds the command and its options to the CLI's parser, and `run`, which does it.

Importing a command module is cheap: what a command needs beyond argparse (the
validator, the renderer, the editor) is imported inside its `run`, so `author validate`
never loads the renderer, and no headless command loads Textual."""
