"""``python -m minzheng`` runs the command line."""

if __name__ == "__main__":
    from minzheng.cli import _console

    _console()
