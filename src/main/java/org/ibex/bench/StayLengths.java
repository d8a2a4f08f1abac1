package org.ibex.bench;

import org.ibex.border.Permit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * How long a trip lasts, by purpose: short visits are log-normal (most a week or two, a long tail), work and study
 * stays last months; and the permit a traveller shows, whose end some overstay (they leave late, or are never seen
 * leaving). The home state's citizens' trips abroad are short visits too. Medians follow the ranges tourism
 * statistics publish (a week to ten days for visitors), not any one state's figures.
 */
final class StayLengths {
    /** The share of permit holders who stay past their permit's end; visa-free visitors past 90 days, half as many. */
    static final double OVERSTAY = 0.04;
    /** The share of overstayers never seen leaving within the history. */
    static final double NEVER_LEAVE = 0.4;

    private StayLengths() {
    }

    /** A trip: the permit shown on entry (or null) and the days until the exit (-1: no exit). */
    record Trip(Permit permit, int days, boolean overstays) {
    }

    static Trip trip(String permitType, boolean home, LocalDate entry, Random random) {
        if (home) {
            return new Trip(null, clamp(logNormal(8, 0.9, random), 1, 180), false);
        }
        if (permitType == null) {
            if (random.nextDouble() < OVERSTAY / 2) {
                return new Trip(null, random.nextDouble() < NEVER_LEAVE ? -1 : 91 + random.nextInt(120), true);
            }
            return new Trip(null, clamp(logNormal(9, 0.8, random), 1, 89), false);
        }
        Permit permit = permit(permitType, entry, random);
        int allowed = (int) ChronoUnit.DAYS.between(entry, permit.validUntil());
        if (random.nextDouble() < OVERSTAY) {
            return new Trip(permit, random.nextDouble() < NEVER_LEAVE ? -1 : allowed + 1 + random.nextInt(90), true);
        }
        int wanted = switch (permitType) {
            case "WORK" -> 60 + random.nextInt(300);
            case "STUDY" -> 90 + random.nextInt(210);
            default -> clamp(logNormal(12, 0.7, random), 1, permit.days());
        };
        return new Trip(permit, Math.max(1, Math.min(wanted, allowed)), false);
    }

    /** The permit as issued: a visa for 90 days of stay valid for 3 to 6 months, a work or study permit for a year. */
    private static Permit permit(String type, LocalDate entry, Random random) {
        return switch (type) {
            case "WORK" -> {
                LocalDate from = entry.minusDays(random.nextInt(21));
                yield new Permit(type, from, from.plusDays(365), null, null);
            }
            case "STUDY" -> {
                LocalDate from = entry.minusDays(random.nextInt(30));
                yield new Permit(type, from, from.plusDays(300), null, null);
            }
            default -> {
                LocalDate from = entry.minusDays(random.nextInt(31));
                yield new Permit(type, from, from.plusDays(90 + random.nextInt(91)), 2, 90);
            }
        };
    }

    private static int logNormal(double median, double sigma, Random random) {
        return (int) Math.round(median * Math.exp(sigma * random.nextGaussian()));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
