package org.ibex.watchlist;

/** A list as the node records it: its description and the post whose supervisors keep it (null: a national list). */
public record ListRecord(WatchlistInfo info, String postId) {
    public boolean national() {
        return postId == null;
    }

    /** Who keeps the list, in the words of a refusal. */
    String keeper() {
        return national() ? "a national list, kept by list managers" : "the list of post " + postId
                + ", kept by its supervisors";
    }
}
