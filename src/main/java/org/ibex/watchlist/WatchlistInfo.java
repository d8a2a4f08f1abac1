package org.ibex.watchlist;

/**
 * A watchlist: who owns it, how far it may be shared ("TLP:AMBER", "national", "partners:XXB"), and the name
 * score (percent) from which its entries count as hits.
 */
public record WatchlistInfo(String id, String name, String owner, String sharingLabel, int matchThresholdPercent) {
    public WatchlistInfo {
        Checks.text("id", id, 60);
        Checks.text("name", name, 300);
        Checks.text("owner", owner, 300);
        Checks.text("sharingLabel", sharingLabel, 100);
        if (matchThresholdPercent < 1 || matchThresholdPercent > 100) {
            throw new InvalidEntryException("matchThresholdPercent", RowError.RANGE, "matchThresholdPercent is "
                    + matchThresholdPercent + "; it must be between 1 and 100 (0 would make every name a hit)");
        }
    }
}
