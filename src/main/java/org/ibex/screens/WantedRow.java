package org.ibex.screens;

import org.ibex.biometrics.WantedPrint;

/** One wanted flag as the page shows it: the flag, and its dates in the reader's language. */
public record WantedRow(WantedPrint print, String flaggedAt, String liftedAt) {
}
