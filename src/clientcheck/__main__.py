"""Allow ``python -m clientcheck``."""

from clientcheck.cli.app import main

if __name__ == "__main__":
    main()
