package org.ibex.agreement;

/** Where an installed version stands: the one acted on, replaced by a later version, or ended by a party. */
public enum AgreementState { IN_FORCE, SUPERSEDED, REVOKED }
