"""The young people's voice for leaders: feedback from Min side as aggregates, comments read and answered without identifying anyone, comparison between municipalities and the quarterly report."""
