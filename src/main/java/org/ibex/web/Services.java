package org.ibex.web;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.ibex.access.Accounts;
import org.ibex.access.Authenticator;
import org.ibex.access.UserRepository;
import org.ibex.agreement.AgreementBook;
import org.ibex.confirmation.Confirmation;
import org.ibex.inquiry.Inquiry;
import org.ibex.audit.AccessLog;
import org.ibex.biometrics.BiometricService;
import org.ibex.border.BorderService;
import org.ibex.border.HitReview;
import org.ibex.border.PostRepository;
import org.ibex.border.StayService;
import org.ibex.displacement.Displacement;
import org.ibex.document.MrzParser;
import org.ibex.store.Database;
import org.ibex.delivery.ExchangeNode;
import org.ibex.sync.SyncStatus;
import org.ibex.watchlist.WatchlistService;

import java.time.Clock;
import java.util.Optional;
import org.ibex.analytics.Flows;

/**
 * What the HTTP API serves, built by the composition root and handed to the server whole. {@code exchange},
 * {@code sync}, {@code agreements} and {@code inquiry} (questions between agencies) and {@code confirmation} (hit/no-hit with partner states) are present on a node that has joined a federation;
 * {@code displacement} holds the IOM DTM figures the analysts import.
 */
public record Services(Database database, Authenticator authenticator, Accounts accounts, UserRepository users,
                       PostRepository posts,
                       MrzParser mrzParser, BorderService border, StayService stays, HitReview hitReview,
                       WatchlistService watchlists, BiometricService biometrics, AccessLog accessLog,
                       PrometheusMeterRegistry metrics, Clock clock, Optional<ExchangeNode> exchange,
                       Optional<SyncStatus> sync, Optional<AgreementBook> agreements,
                       Optional<Inquiry> inquiry, Optional<Confirmation> confirmation,
                       Flows flows, Displacement displacement) {
}
