package org.ibex.border;

import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.biometrics.BiometricRepository;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.ExtractionGate;
import org.ibex.biometrics.ScoreThresholds;
import org.ibex.document.MrzParser;
import org.ibex.names.NameMatcher;
import org.ibex.store.Database;
import org.ibex.watchlist.ScreeningIndex;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The border domain of a test node on a real database: the posts given, 90 days in any 180 for everyone, adulthood
 * at 18, no lists, no enrolled prints. Tests that need other parts build their own.
 */
final class TestBorder {
    static final StayPolicy POLICY = new StayPolicy(Map.of(), StayRule.rolling(90, 180));

    private TestBorder() {
    }

    static BorderService service(Database database, PostRepository posts, Clock clock) {
        AccessLog accessLog = accessLog(database, clock);
        BiometricService biometrics = new BiometricService(database, new BiometricRepository(),
                BiometricService.loadGallery(database, new BiometricRepository()), ScoreThresholds.fvc2002(), accessLog,
                new PersonScope(), new ExtractionGate(1, Duration.ofSeconds(5)), clock);
        return new BorderService(database, new MrzParser(clock), new InspectionRules(18), () -> POLICY, posts,
                accessLog, new ScreeningIndex(new NameMatcher(), clock), biometrics, clock);
    }

    static AccessLog accessLog(Database database, Clock clock) {
        return new AccessLog(database, new AuditLog(clock), clock);
    }
}
