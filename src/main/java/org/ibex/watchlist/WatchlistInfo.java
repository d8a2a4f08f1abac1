package org.ibex.watchlist;

/**
 * A watchlist: who owns it, how far it may be shared ("TLP:AMBER", "national", "partners:XXB"), the score
 * (percent, on {@link EvidenceModel}'s scale) from which its entries count as hits, what it does with namesakes,
 * and the share of ordinary travellers that its threshold was calibrated to alert at most (null: not calibrated).
 */
public record WatchlistInfo(String id, String name, String owner, String sharingLabel, int matchThresholdPercent,
                            NamesakePolicy namesakes, Double targetAlertRate) {
    public WatchlistInfo {
        Checks.text("id", id, 60);
        Checks.text("name", name, 300);
        Checks.text("owner", owner, 300);
        Checks.text("sharingLabel", sharingLabel, 100);
        if (matchThresholdPercent < 1 || matchThresholdPercent > 100) {
            throw new InvalidEntryException("matchThresholdPercent", RowError.RANGE, "matchThresholdPercent is "
                    + matchThresholdPercent + "; it must be between 1 and 100 (0 would make every name a hit)");
        }
        namesakes = namesakes == null ? NamesakePolicy.SHOW : namesakes;
        if (targetAlertRate != null && !(targetAlertRate > 0 && targetAlertRate < 1)) {
            throw new InvalidEntryException("targetAlertRate", RowError.RANGE, "targetAlertRate is " + targetAlertRate
                    + "; it must be a share above 0 and below 1 (0.005 for 0.5%)");
        }
    }

    /** A list that shows namesakes without alerting and whose threshold was set by hand. */
    public WatchlistInfo(String id, String name, String owner, String sharingLabel, int matchThresholdPercent) {
        this(id, name, owner, sharingLabel, matchThresholdPercent, NamesakePolicy.SHOW, null);
    }

    /** This list with a threshold calibrated for {@code rate}. */
    public WatchlistInfo calibrated(int thresholdPercent, double rate) {
        return new WatchlistInfo(id, name, owner, sharingLabel, thresholdPercent, namesakes, rate);
    }

    /** This list with another namesake policy. */
    public WatchlistInfo withNamesakes(NamesakePolicy policy) {
        return new WatchlistInfo(id, name, owner, sharingLabel, matchThresholdPercent, policy, targetAlertRate);
    }
}
