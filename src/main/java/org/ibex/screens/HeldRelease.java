package org.ibex.screens;

import org.ibex.confirmation.ReleaseDecision;
import org.ibex.confirmation.ReleaseQuota;

import java.util.List;

/** A release held for this node's approver, with the quota its agreement's rules have used. */
public record HeldRelease(ReleaseDecision decision, List<ReleaseQuota.Use> quota) {
}
