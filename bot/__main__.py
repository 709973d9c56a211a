from bot.wiring.cli import main

main()
