from cmwreport.cli import main

main()
