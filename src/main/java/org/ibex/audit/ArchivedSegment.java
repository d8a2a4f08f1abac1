package org.ibex.audit;

/** Entries firstSeq..lastSeq moved to an archive file: the hash before the first and the hash of the last. */
public record ArchivedSegment(long firstSeq, long lastSeq, String prevHash, String lastHash, String file) {
}
