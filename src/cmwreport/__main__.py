import sys

from cmwreport.cli import main

sys.exit(main())
