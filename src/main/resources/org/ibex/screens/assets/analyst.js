// analyst screens: filled by their slice
