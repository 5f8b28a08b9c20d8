from archive_desk.cli import main

raise SystemExit(main())
