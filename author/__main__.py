from author.cli import main

raise SystemExit(main())
