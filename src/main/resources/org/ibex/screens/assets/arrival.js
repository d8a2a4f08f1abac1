// arrival screens: filled by their slice
