// inspection screens: filled by their slice
