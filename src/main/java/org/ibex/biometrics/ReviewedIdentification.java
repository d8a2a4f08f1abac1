package org.ibex.biometrics;

import java.util.Optional;

/** An identification and, once recorded, the officer's conclusion from it. */
public record ReviewedIdentification(Identification identification, Optional<IdentificationReview> review) {
}
