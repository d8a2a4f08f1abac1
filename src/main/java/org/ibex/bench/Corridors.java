package org.ibex.bench;

import org.ibex.border.Post;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Who crosses where: each post has its own ranking of nationalities, with a Zipf-like share by rank (a land post is
 * dominated by its neighbours, a seaport by seafarers' states, the airport by a long tail), a share of the home
 * state's own citizens, and a mix of purposes (permit types) by whether the nationality needs a visa.
 */
final class Corridors {
    /** The home state: its citizens leave and come back; everyone else comes and goes. */
    static final String HOME = "UTO";
    private static final double ZIPF = 1.1;
    /** Every foreign nationality the history uses: ICAO codes (D is Germany), XXB the demo's neighbour state. */
    private static final List<String> NATIONS = List.of("XXB", "RUS", "UKR", "CHN", "JPN", "D", "FRA", "GBR", "ITA",
            "ESP", "SWE", "USA", "IND", "EGY", "JOR", "SYR", "ISR", "THA", "VNM", "PHL", "MMR", "NGA", "BRA", "AUS",
            "NZL", "KOR", "IDN", "PAK", "BGD", "TUR", "CAN", "MEX");
    private static final Set<String> VISA_REQUIRED = Set.of("RUS", "UKR", "CHN", "IND", "EGY", "JOR", "SYR", "VNM",
            "PHL", "MMR", "NGA", "PAK", "BGD", "IDN", "TUR");
    private static final Map<Post.Kind, List<String>> LEADERS = Map.of(
            Post.Kind.LAND, List.of("XXB", "RUS", "UKR", "TUR"),
            Post.Kind.SEAPORT, List.of("PHL", "CHN", "VNM", "IDN", "XXB"),
            Post.Kind.AIRPORT, List.of("CHN", "USA", "GBR", "D", "JPN", "IND"));
    private static final Map<Post.Kind, Double> HOME_SHARE = Map.of(Post.Kind.LAND, 0.30, Post.Kind.SEAPORT, 0.15,
            Post.Kind.AIRPORT, 0.25);
    private static final Map<Post.Kind, Double> POST_WEIGHT = Map.of(Post.Kind.AIRPORT, 0.6, Post.Kind.LAND, 0.3,
            Post.Kind.SEAPORT, 0.1);

    private final List<Post> posts;
    private final double[] postCumulative;
    private final Map<String, List<String>> ranking = new HashMap<>();
    private final Map<String, double[]> rankCumulative = new HashMap<>();

    Corridors(List<Post> posts, long seed) {
        this.posts = List.copyOf(posts);
        postCumulative = new double[posts.size()];
        double sum = 0;
        for (int i = 0; i < posts.size(); i++) {
            sum += POST_WEIGHT.get(posts.get(i).kind());
            postCumulative[i] = sum;
        }
        for (int i = 0; i < posts.size(); i++) {
            postCumulative[i] /= sum;
        }
        for (Post post : posts) {
            // The leaders of the post's kind first, then the rest in an order of the post's own (seeded by its id).
            List<String> rest = new ArrayList<>(NATIONS);
            Collections.shuffle(rest, new Random(seed * 31 + post.id().hashCode()));
            Set<String> order = new LinkedHashSet<>(LEADERS.get(post.kind()));
            order.addAll(rest);
            List<String> ranked = List.copyOf(order);
            double[] cumulative = new double[ranked.size()];
            double total = 0;
            for (int r = 0; r < ranked.size(); r++) {
                total += 1 / Math.pow(r + 1, ZIPF);
                cumulative[r] = total;
            }
            for (int r = 0; r < ranked.size(); r++) {
                cumulative[r] /= total;
            }
            ranking.put(post.id(), ranked);
            rankCumulative.put(post.id(), cumulative);
        }
    }

    List<Post> posts() {
        return posts;
    }

    Post post(Random random) {
        return posts.get(pick(postCumulative, random.nextDouble()));
    }

    /** The post a traveller leaves by: mostly the one they came through (almost always at an airport). */
    Post exitPost(Post entry, Random random) {
        double same = entry.kind() == Post.Kind.AIRPORT ? 0.9 : 0.7;
        return random.nextDouble() < same ? entry : post(random);
    }

    /** A nationality crossing at {@code post}: the home state's share, else by the post's ranking. */
    String nationality(Post post, Random random) {
        if (random.nextDouble() < HOME_SHARE.get(post.kind())) {
            return HOME;
        }
        return foreign(post, random);
    }

    /** A foreign nationality by the post's ranking. */
    String foreign(Post post, Random random) {
        return ranking.get(post.id()).get(pick(rankCumulative.get(post.id()), random.nextDouble()));
    }

    /** The permit a foreigner of {@code nationality} comes with: the purpose, {@code null} for a visa-free visit. */
    static String permitType(String nationality, Random random) {
        double r = random.nextDouble();
        if (VISA_REQUIRED.contains(nationality)) {
            return r < 0.78 ? "VISA-C" : r < 0.92 ? "WORK" : "STUDY";
        }
        return r < 0.90 ? null : r < 0.96 ? "WORK" : "STUDY";
    }

    private static int pick(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
