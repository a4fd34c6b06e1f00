import sys

from actionplan.cli import main

sys.exit(main())
