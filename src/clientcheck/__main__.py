"""Allow ``python -m clientcheck``."""

from clientcheck.cli import main

if __name__ == "__main__":
    main()
