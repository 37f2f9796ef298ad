from chronique.cli.app import main

main()
