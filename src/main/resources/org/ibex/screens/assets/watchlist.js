// watchlist screens: filled by their slice
