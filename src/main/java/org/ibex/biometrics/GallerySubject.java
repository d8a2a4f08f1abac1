package org.ibex.biometrics;

/** An enrolled subject as the gallery holds it: its id, the person it belongs to (null while unknown), a label and its fingers. */
public record GallerySubject(long id, Long personId, String label, FingerSet fingers) {
}
