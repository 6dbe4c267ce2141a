package com.perprisk.engine.tier;

import com.perprisk.engine.Convention;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.InputRule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A market's tier table (leverage brackets, risk limits, margin tiers): notional brackets, each with a max
 * leverage, a maintenance margin rate and a maintenance amount.
 *
 * <pre>
 * MM(N) = N × MMR_k − cum_k                        k is the bracket that contains N
 * cum_1 = 0,  cum_k = cum_{k−1} + floor_k × (MMR_k − MMR_{k−1})
 * </pre>
 *
 * The recursion makes MM continuous at every floor, which is the same as charging each slice of the notional at
 * its own bracket's rate. A notional beyond the last cap is charged by the last bracket.
 */
public final class TierTable {
    /** Relative tolerance when comparing a given maintenance amount with the recursion. */
    private static final double AMOUNT_TOLERANCE = 1e-6;

    /** Tables up to this many brackets are searched by counting floors; longer ones by bisection. */
    private static final int LINEAR_SEARCH = 16;

    private final List<Tier> tiers;
    private final List<TierIssue> issues;
    private final double[] floors;
    /** each bracket's MMR and maintenance amount, for lookups that read no record */
    private final double[] mmrs;
    private final double[] amounts;
    /**
     * Whether each floor above 0 is at least 1 + {@value #SPREAD} times the one below it (every real table: floors
     * grow by far more), and the sizes Q for which floor / Q is then a normal, finite number for every floor: see
     * {@link #cutsSeparateAt}.
     */
    private final boolean spread;
    private final double smallestSeparatingSize;
    private final double largestSeparatingSize;
    private static final double SPREAD = 1e-9;

    private TierTable(List<Tier> tiers, List<TierIssue> issues) {
        this.tiers = List.copyOf(tiers);
        this.issues = List.copyOf(issues);
        this.floors = new double[tiers.size()];
        this.mmrs = new double[tiers.size()];
        this.amounts = new double[tiers.size()];
        for (int i = 0; i < floors.length; i++) {
            floors[i] = tiers.get(i).floor();
            mmrs[i] = tiers.get(i).mmr();
            amounts[i] = tiers.get(i).maintenanceAmount();
        }
        boolean apart = floors.length >= 2 && floors[1] > 0;
        for (int i = 2; i < floors.length && apart; i++) {
            apart = floors[i] >= floors[i - 1] * (1 + SPREAD);
        }
        int last = floors.length - 1;
        spread = apart && Double.isFinite(floors[last]);
        // floor_1 / Q ≥ 2 × the smallest normal number and floor_last / Q ≤ half the largest double
        smallestSeparatingSize = spread ? floors[last] / (Double.MAX_VALUE / 2) : Double.NaN;
        largestSeparatingSize = spread ? floors[1] / (2 * Double.MIN_NORMAL) : Double.NaN;
    }

    /**
     * Whether, for a position of size Q, the prices floor_k / Q where its notional crosses a floor (k ≥ 1) are all
     * finite, normal, positive and strictly ascending, far enough apart that the notional Q × P at any price strictly
     * between two of them (as a double) lies in the bracket between their floors: the floors are spread (each at
     * least 1 + 10⁻⁹ times the previous, while one rounding moves a quotient by 10⁻¹⁶ of itself) and Q is in the range
     * where no quotient underflows or overflows. False for a table of one bracket.
     */
    public boolean cutsSeparateAt(double size) {
        return spread && size >= smallestSeparatingSize && size <= largestSeparatingSize;
    }

    /**
     * Builds the table a convention uses from brackets as given. Errors (unsorted, overlapping, gaps, rates out of
     * range, MMR falling, max leverage rising) throw; a maintenance amount that disagrees with the recursion is kept
     * as given and reported by {@link #issues()}.
     *
     * <ul>
     *   <li>HYPERLIQUID: MMR of every tier is 1 / (2 × max leverage); a given MMR that differs is a warning.</li>
     *   <li>OKX and DYDX: no maintenance amount (0); a given non-zero one is a warning and is ignored.</li>
     *   <li>BINANCE, BYBIT, HYPERLIQUID: a missing maintenance amount is derived by the recursion.</li>
     * </ul>
     */
    public static TierTable resolve(Convention convention, List<TierSpec> specs) {
        List<TierIssue> issues = validateShape(convention, specs);
        if (issues.stream().anyMatch(TierIssue::isError)) {
            throw new InvalidTierTableException(issues);
        }
        List<Tier> tiers = new ArrayList<>(specs.size());
        double prevMmr = 0;
        double derivedCum = 0;
        for (int i = 0; i < specs.size(); i++) {
            TierSpec s = specs.get(i);
            double mmr = mmrUnder(convention, s);
            if (i > 0) {
                // cum_k = cum_{k−1} + floor_k × (MMR_k − MMR_{k−1})
                derivedCum += s.floor() * (mmr - prevMmr);
            }
            double amount;
            if (!convention.usesMaintenanceAmount()) {
                amount = 0;
                if (s.maintenanceAmount() != null && s.maintenanceAmount() != 0) {
                    issues.add(new TierIssue(i, "maintenanceAmount", TierIssue.Severity.WARNING,
                            convention.venueName() + " has no maintenance amount; the given "
                                    + n(s.maintenanceAmount()) + " is ignored"));
                }
            } else if (s.maintenanceAmount() == null) {
                amount = derivedCum;
            } else {
                amount = s.maintenanceAmount();
                double scale = Math.max(1.0, Math.abs(derivedCum));
                if (Math.abs(amount - derivedCum) > AMOUNT_TOLERANCE * scale) {
                    issues.add(new TierIssue(i, "maintenanceAmount", TierIssue.Severity.WARNING,
                            "maintenance amount " + n(amount) + " disagrees with the recursion, which gives "
                                    + n(derivedCum) + " (MM jumps at this bracket's floor)"));
                }
            }
            tiers.add(new Tier(s.floor(), s.cap(), s.maxLeverage(), mmr, amount));
            prevMmr = mmr;
        }
        return new TierTable(tiers, issues);
    }

    /** A table used exactly as given, for values already resolved (tests, presets). */
    public static TierTable of(List<Tier> tiers) {
        List<TierSpec> specs = new ArrayList<>();
        for (Tier t : tiers) {
            specs.add(TierSpec.of(t.floor(), t.cap(), t.maxLeverage(), t.mmr(), t.maintenanceAmount()));
        }
        return resolve(Convention.BINANCE, specs);
    }

    /** A single open bracket [0, ∞): used for dYdX, whose margin has no brackets. */
    public static TierTable single(double maxLeverage, double mmr) {
        return new TierTable(List.of(new Tier(0, Double.POSITIVE_INFINITY, maxLeverage, mmr, 0)), List.of());
    }

    private static double mmrUnder(Convention convention, TierSpec s) {
        if (convention.tierSource() == Convention.TierSource.HALF_INITIAL_AT_MAX_LEVERAGE) {
            return 1.0 / (2.0 * s.maxLeverage());
        }
        return s.mmr();
    }

    /** Structural checks that make a table unusable, plus Hyperliquid's MMR warning. */
    public static List<TierIssue> validateShape(Convention convention, List<TierSpec> specs) {
        List<TierIssue> out = new ArrayList<>();
        if (specs == null || specs.isEmpty()) {
            out.add(new TierIssue(-1, "tiers", TierIssue.Severity.ERROR, "the tier table has no brackets"));
            return out;
        }
        boolean hyperliquid = convention.tierSource() == Convention.TierSource.HALF_INITIAL_AT_MAX_LEVERAGE;
        for (int i = 0; i < specs.size(); i++) {
            TierSpec s = specs.get(i);
            final int i0 = i;
            if (!Double.isFinite(s.floor()) || s.floor() < 0) {
                out.add(err(i, "floor", "floor " + n(s.floor()) + " must be a finite number ≥ 0"));
            }
            if (Double.isNaN(s.cap()) || s.cap() <= s.floor()) {
                out.add(err(i, "cap", "cap " + n(s.cap()) + " must be above the floor " + n(s.floor())));
            }
            if (!Double.isFinite(s.maxLeverage()) || s.maxLeverage() < 1) {
                out.add(err(i, "maxLeverage", "max leverage " + n(s.maxLeverage()) + " must be a finite number ≥ 1"));
            }
            if (s.mmr() == null) {
                if (!hyperliquid && convention.tierSource() != Convention.TierSource.DYDX_LIQUIDITY_TIER) {
                    out.add(err(i, "mmr", "maintenance margin rate is missing (only Hyperliquid derives it)"));
                }
            } else if (!Double.isFinite(s.mmr()) || s.mmr() <= 0 || s.mmr() >= 1) {
                out.add(err(i, "mmr", "maintenance margin rate " + n(s.mmr()) + " must be between 0 and 1"));
            } else if (!InputRule.MMR.accepts(s.mmr())) {
                out.add(err(i, "mmr", "maintenance margin rate " + n(s.mmr()) + " must be "
                        + InputRule.MMR.range()));
            } else if (hyperliquid && Double.isFinite(s.maxLeverage()) && s.maxLeverage() >= 1
                    && Math.abs(s.mmr() - 1.0 / (2.0 * s.maxLeverage())) > 1e-12) {
                out.add(new TierIssue(i, "mmr", TierIssue.Severity.WARNING, "Hyperliquid uses MMR = 1 / (2 × "
                        + n(s.maxLeverage()) + ") = " + n(1.0 / (2.0 * s.maxLeverage())) + "; the given " + n(s.mmr())
                        + " is ignored"));
            }
            if (s.maintenanceAmount() != null && !Double.isFinite(s.maintenanceAmount())) {
                out.add(err(i, "maintenanceAmount", "maintenance amount must be a finite number"));
            } else if (s.maintenanceAmount() != null && convention.usesMaintenanceAmount()) {
                maintenanceAmountProblem(s, hyperliquid).ifPresent(m -> out.add(err(i0, "maintenanceAmount", m)));
            }
            if (Double.isFinite(s.floor()) && s.floor() > InputRule.NOTIONAL.max()) {
                out.add(err(i, "floor", "floor " + n(s.floor()) + " must be " + InputRule.NOTIONAL.range()));
            }
            if (s.mmr() != null && !hyperliquid && Double.isFinite(s.mmr()) && Double.isFinite(s.maxLeverage())
                    && s.maxLeverage() >= 1 && s.mmr() >= 1.0 / s.maxLeverage()) {
                out.add(err(i, "mmr", "maintenance margin rate " + n(s.mmr()) + " is not below the initial margin rate "
                        + n(1.0 / s.maxLeverage()) + " of max leverage " + n(s.maxLeverage())
                        + ": a position at max leverage would open already liquidatable"));
            }
            if (i == 0) {
                if (s.floor() != 0 && Double.isFinite(s.floor())) {
                    out.add(err(i, "floor", "the first bracket must start at notional 0, not " + n(s.floor())));
                }
                continue;
            }
            TierSpec p = specs.get(i - 1);
            if (s.floor() < p.floor()) {
                out.add(err(i, "floor", "brackets are not sorted: floor " + n(s.floor()) + " is below the previous floor "
                        + n(p.floor())));
            } else if (s.floor() < p.cap()) {
                out.add(err(i, "floor", "bracket overlaps the previous one: floor " + n(s.floor())
                        + " is below the previous cap " + n(p.cap())));
            } else if (s.floor() > p.cap()) {
                out.add(err(i, "floor", "gap between brackets: previous cap " + n(p.cap()) + " but floor " + n(s.floor())));
            }
            if (s.mmr() != null && p.mmr() != null && !hyperliquid && s.mmr() < p.mmr()) {
                out.add(err(i, "mmr", "maintenance margin rate falls from " + n(p.mmr()) + " to " + n(s.mmr())
                        + "; it must not decrease with notional"));
            }
            if (s.maxLeverage() > p.maxLeverage()) {
                out.add(err(i, "maxLeverage", "max leverage rises from " + n(p.maxLeverage()) + " to " + n(s.maxLeverage())
                        + "; it must not increase with notional"));
            }
        }
        return out;
    }

    /**
     * A maintenance amount that makes MM = N × MMR − amount fall below zero somewhere in its bracket (MM is lowest at
     * the floor), or a negative one, which would charge more than the bracket's rate on every notional (the
     * recursion never gives one below 0). A smaller disagreement with the recursion is a warning of
     * {@link #resolve}.
     */
    private static java.util.Optional<String> maintenanceAmountProblem(TierSpec s, boolean hyperliquid) {
        double amount = s.maintenanceAmount();
        if (amount < 0) {
            return java.util.Optional.of("maintenance amount " + n(amount) + " must not be negative: it would add "
                    + n(-amount) + " to the maintenance margin of every notional in the bracket");
        }
        Double mmr = hyperliquid && Double.isFinite(s.maxLeverage()) && s.maxLeverage() >= 1
                ? Double.valueOf(1.0 / (2.0 * s.maxLeverage())) : s.mmr();
        if (mmr == null || !Double.isFinite(mmr) || !Double.isFinite(s.floor()) || s.floor() < 0) {
            return java.util.Optional.empty();
        }
        double atFloor = s.floor() * mmr - amount;
        // a rounding slack of a millionth of the floor's margin, as the recursion check allows
        if (atFloor < -1e-6 * Math.max(1.0, s.floor() * mmr)) {
            return java.util.Optional.of("maintenance amount " + n(amount) + " exceeds the bracket's margin at its floor ("
                    + n(s.floor()) + " × " + n(mmr) + " = " + n(s.floor() * mmr) + "): the maintenance margin would be "
                    + "below zero");
        }
        return java.util.Optional.empty();
    }

    private static String n(Double v) {
        return v == null ? "none" : InputRule.show(v);
    }

    private static TierIssue err(int i, String field, String message) {
        return new TierIssue(i, field, TierIssue.Severity.ERROR, message);
    }

    public List<Tier> tiers() {
        return tiers;
    }

    /** Warnings found while resolving (maintenance amounts off the recursion, ignored values). */
    public List<TierIssue> issues() {
        return issues;
    }

    public int size() {
        return tiers.size();
    }

    public Tier tier(int index) {
        return tiers.get(index);
    }

    /** Maintenance margin rate of the bracket at {@code index}: {@code tier(index).mmr()}. */
    public double mmrOf(int index) {
        return mmrs[index];
    }

    /** Floor of the bracket at {@code index}: {@code tier(index).floor()}. */
    public double floorOf(int index) {
        return floors[index];
    }

    /** Maintenance amount of the bracket at {@code index}: {@code tier(index).maintenanceAmount()}. */
    public double maintenanceAmountOf(int index) {
        return amounts[index];
    }

    /**
     * Index of the bracket that contains a notional: the last bracket whose floor is ≤ N. At an exact floor the
     * upper bracket applies (MM is the same either way; only max leverage differs). Beyond the last cap: the last.
     */
    public int bracketIndex(double notional) {
        if (floors.length <= LINEAR_SEARCH) {
            // floors ascend from 0, so the bracket's index is the count of later floors at or below N (no branch to
            // mispredict, as a bisection has at every step)
            int k = 0;
            for (int i = 1; i < floors.length; i++) {
                k += floors[i] <= notional ? 1 : 0;
            }
            return k;
        }
        int lo = 0;
        int hi = floors.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (floors[mid] <= notional) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * {@link #bracketIndex(double)} starting from a guess (e.g. the bracket of a nearby notional): the guess or its
     * upper neighbour is checked first, then the search runs as usual. The answer is the same bracket either way.
     */
    public int bracketIndex(double notional, int hint) {
        int last = floors.length - 1;
        if (hint >= 0 && hint <= last && floors[hint] <= notional) {
            if (hint == last || floors[hint + 1] > notional) {
                return hint;
            }
            if (hint + 1 == last || floors[hint + 2] > notional) {
                return hint + 1;
            }
        }
        return bracketIndex(notional);
    }

    public Tier bracketOf(double notional) {
        return tiers.get(bracketIndex(notional));
    }

    /** Maintenance margin of a notional: MM(N) = N × MMR_k − cum_k of the bracket k that contains N. */
    public double maintenanceMargin(double notional) {
        return bracketOf(notional).maintenanceMargin(notional);
    }

    /** Highest leverage allowed for a notional: the max leverage of its bracket. */
    public double maxLeverage(double notional) {
        return bracketOf(notional).maxLeverage();
    }

    /** Largest notional the table covers (the last cap, possibly +∞). */
    public double maxNotional() {
        return tiers.get(tiers.size() - 1).cap();
    }

    /** Floors above zero: the notionals where MMR changes. */
    public double[] positiveFloors() {
        return floors.length <= 1 ? new double[0] : java.util.Arrays.copyOfRange(floors, 1, floors.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierTable t && t.tiers.equals(tiers);
    }

    @Override
    public int hashCode() {
        return tiers.hashCode();
    }

    @Override
    public String toString() {
        return "TierTable" + tiers;
    }

    /** Thrown when a table has errors; carries every issue so each can be shown at its cell. */
    public static final class InvalidTierTableException extends EngineException {
        private static final long serialVersionUID = 1L;
        private final transient List<TierIssue> issues;

        public InvalidTierTableException(List<TierIssue> issues) {
            super(issues.stream().filter(TierIssue::isError).findFirst().map(TierIssue::message)
                    .orElse("invalid tier table"));
            this.issues = Collections.unmodifiableList(new ArrayList<>(issues));
        }

        public List<TierIssue> issues() {
            return issues;
        }
    }
}
