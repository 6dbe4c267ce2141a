package com.perprisk.engine.dydx;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.explain.Term;

import java.util.List;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.present;

/**
 * dYdX v4's liquidation details, as {@code x/clob/keeper/liquidations.go} defines them for one subaccount (a cross
 * account: one quote balance and several perpetual positions valued at the oracle price).
 *
 * <pre>
 * TNC  = quote balance + Σ size × oracle          total net collateral
 * TMMR = Σ |size × oracle| × MMF                   total maintenance margin requirement
 * liquidatable ⇔ TMMR > 0 and TNC &lt; TMMR          (strictly below)
 * fillable price = (PNNV − ABR × SMMR × PMMR) / PS,  ABR = clamp(BA × (1 − TNC / TMMR), 0, 1)
 * bankruptcy (quote for a close of Δ) = −ΔNNV − TNC × |ΔMMR| / TMMR
 * penalty = min(max fee × |quote received|, quote received − bankruptcy quote) when positive
 * </pre>
 */
public final class DydxLiquidation {
    private DydxLiquidation() {
    }

    /**
     * The liquidation configuration (dYdX's {@code LiquidationsConfig}), as fractions.
     *
     * @param bankruptcyAdjustment           BA, at least 1 (1,000,000 ppm by default)
     * @param spreadToMaintenanceMarginRatio SMMR, above 0 (100,000 ppm = 10% by default)
     * @param maxLiquidationFee              the penalty cap as a share of the quote value (15,000 ppm = 1.5%)
     */
    public record Config(double bankruptcyAdjustment, double spreadToMaintenanceMarginRatio,
                         double maxLiquidationFee) {
        /** dYdX's defaults: BA 100%, SMMR 10%, penalty cap 1.5%. */
        public static final Config DEFAULT = new Config(1.0, 0.1, 0.015);

        public Config {
            finite("bankruptcy adjustment", bankruptcyAdjustment);
            if (bankruptcyAdjustment < 1) {
                throw new EngineException("the bankruptcy adjustment must be at least 1,000,000 ppm (100%), got "
                        + Numbers.plain(bankruptcyAdjustment * 1e6) + " ppm");
            }
            positive("spread to maintenance margin ratio", spreadToMaintenanceMarginRatio);
            positive("max liquidation fee", maxLiquidationFee);
            if (maxLiquidationFee > 1) {
                throw new EngineException("the max liquidation fee must be at most 1,000,000 ppm (100%)");
            }
        }

        /** From the ppm values of the workspace's {@code dydx.liquidation} block. */
        public static Config ofPpm(long bankruptcyAdjustmentPpm, long spreadToMaintenanceMarginRatioPpm,
                                   long maxLiquidationFeePpm) {
            return new Config(bankruptcyAdjustmentPpm / 1e6, spreadToMaintenanceMarginRatioPpm / 1e6,
                    maxLiquidationFeePpm / 1e6);
        }
    }

    /**
     * One perpetual position of the subaccount.
     *
     * @param size        signed base size: + long, − short
     * @param oraclePrice the market's oracle price
     * @param maintenanceMarginFraction MMF = IMF × maintenance fraction
     */
    public record Position(String id, double size, double oraclePrice, double maintenanceMarginFraction) {
        public Position {
            present("position id", id);
            finite(id + " size", size);
            positive(id + " oracle price", oraclePrice);
            nonNegative(id + " maintenance margin fraction", maintenanceMarginFraction);
        }

        /** PNNV: size × oracle (signed). */
        public double netNotional() {
            return size * oraclePrice;
        }

        /** PMMR: |size × oracle| × MMF. */
        public double maintenance() {
            return Math.abs(netNotional()) * maintenanceMarginFraction;
        }

        /** The same position with another size. */
        public Position withSize(double newSize) {
            return new Position(id, newSize, oraclePrice, maintenanceMarginFraction);
        }
    }

    /** A subaccount: its quote (USDC) balance, which may be negative, and its positions. */
    public record Account(double quoteBalance, List<Position> positions) {
        public Account {
            finite("quote balance", quoteBalance);
            present("positions", positions);
            positions = List.copyOf(positions);
        }

        /** TNC = quote balance + Σ size × oracle. */
        public double netCollateral() {
            return quoteBalance + positions.stream().mapToDouble(Position::netNotional).sum();
        }

        /** TMMR = Σ |size × oracle| × MMF. */
        public double maintenanceRequirement() {
            return positions.stream().mapToDouble(Position::maintenance).sum();
        }

        /** Liquidatable only when TMMR > 0 and TNC is strictly below it. */
        public boolean isLiquidatable() {
            double tmmr = maintenanceRequirement();
            return tmmr > 0 && netCollateral() < tmmr;
        }

        public Position position(String id) {
            return positions.stream().filter(p -> p.id().equals(id)).findFirst()
                    .orElseThrow(() -> new EngineException("no position " + id + " in the account"));
        }
    }

    /** ABR = clamp(BA × (1 − TNC / TMMR), 0, 1): 0 while well collateralised, 1 at or past bankruptcy. */
    public static double adjustedBankruptcyRating(Account a, Config c) {
        double tmmr = a.maintenanceRequirement();
        if (tmmr <= 0) {
            throw new EngineException("the account has no maintenance requirement, so no fillable price");
        }
        // ABR = clamp(BA × (1 − TNC / TMMR), 0, 1)
        double abr = c.bankruptcyAdjustment() * (1 - a.netCollateral() / tmmr);
        return Math.max(0, Math.min(1, abr));
    }

    /**
     * The fillable price of closing a position: (PNNV − ABR × SMMR × PMMR) / PS. Below the oracle for a long, above it
     * for a short, by at most SMMR × MMF of the oracle.
     */
    public static double fillablePrice(Account a, String positionId, Config c) {
        present("config", c);
        Position p = a.position(positionId);
        return fillablePrice(a.netCollateral(), a.maintenanceRequirement(), p.size(), p.oraclePrice(),
                p.maintenance(), c);
    }

    /**
     * The fillable price from the account's totals: TNC and TMMR of the account, the position's signed size, oracle
     * price and maintenance margin PMMR.
     */
    public static double fillablePrice(double tnc, double tmmr, double size, double oraclePrice, double pmmr,
                                       Config c) {
        present("config", c);
        if (size == 0) {
            throw new EngineException("a position of size 0 has no fillable price");
        }
        if (tmmr <= 0) {
            throw new EngineException("the account has no maintenance requirement, so no fillable price");
        }
        // ABR = clamp(BA × (1 − TNC / TMMR), 0, 1)
        double abr = Math.max(0, Math.min(1, c.bankruptcyAdjustment() * (1 - tnc / tmmr)));
        // fillable = (PNNV − ABR × SMMR × PMMR) / PS
        double price = (size * oraclePrice - abr * c.spreadToMaintenanceMarginRatio() * pmmr) / size;
        if (price < 0) {
            throw new EngineException("the fillable price would be negative");
        }
        return price;
    }

    /**
     * Quote the account must receive (+) or may pay at most (−) when its position changes by {@code delta} (a close
     * or reduction: opposite sign to the size, at most its size) without the fund paying:
     * −ΔNNV − TNC × |ΔMMR| / TMMR. Closing one position of several leaves the account's collateral shared by
     * maintenance margin: the closed position is charged only its share TNC × |ΔMMR| / TMMR.
     */
    public static double bankruptcyQuote(Account a, String positionId, double delta) {
        Position p = a.position(positionId);
        finite("size change", delta);
        if (Math.signum(delta) != -Math.signum(p.size()) || Math.abs(delta) > Math.abs(p.size())) {
            throw new EngineException("a size change of " + Numbers.plain(delta) + " does not reduce the position of "
                    + Numbers.plain(p.size()));
        }
        Position after = p.withSize(p.size() + delta);
        double deltaNnv = after.netNotional() - p.netNotional();
        double deltaMmr = after.maintenance() - p.maintenance();
        double tmmr = a.maintenanceRequirement();
        if (tmmr <= 0) {
            throw new EngineException("the account has no maintenance requirement, so no bankruptcy price");
        }
        // bankruptcy quote = −ΔNNV − TNC × |ΔMMR| / TMMR
        return -deltaNnv - a.netCollateral() * Math.abs(deltaMmr) / tmmr;
    }

    /** The bankruptcy price of closing {@code delta}: bankruptcy quote / (−delta), per base unit. */
    public static double bankruptcyPrice(Account a, String positionId, double delta) {
        return bankruptcyQuote(a, positionId, delta) / -delta;
    }

    /** The bankruptcy price of closing the whole position. */
    public static double bankruptcyPrice(Account a, String positionId) {
        return bankruptcyPrice(a, positionId, -a.position(positionId).size());
    }

    /**
     * The insurance fund's side of a liquidation fill of {@code delta} at {@code fillPrice}: + the penalty the account
     * pays, min(max fee × |quote|, quote − bankruptcy quote); − the loss the fund covers when the fill is worse than
     * the bankruptcy price.
     */
    public static double insuranceFundDelta(Account a, String positionId, double delta, double fillPrice, Config c) {
        positive("fill price", fillPrice);
        // quote received: + when selling (closing a long), − when buying (closing a short)
        double quote = -delta * fillPrice;
        double fundDelta = quote - bankruptcyQuote(a, positionId, delta);
        if (fundDelta <= 0) {
            return fundDelta;
        }
        // penalty = min(max fee × |quote|, quote − bankruptcy quote)
        return Math.min(c.maxLiquidationFee() * Math.abs(quote), fundDelta);
    }

    /** The working behind {@link #fillablePrice}. */
    public static Explanation explainFillablePrice(Account a, String positionId, Config c) {
        Position p = a.position(positionId);
        return explainFillablePrice(a.netCollateral(), a.maintenanceRequirement(), p.size(), p.oraclePrice(),
                p.maintenance(), c);
    }

    /** The working behind {@link #fillablePrice(double, double, double, double, double, Config)}. */
    public static Explanation explainFillablePrice(double tnc, double tmmr, double size, double oraclePrice,
                                                   double pmmr, Config c) {
        double abr = Math.max(0, Math.min(1, c.bankruptcyAdjustment() * (1 - tnc / tmmr)));
        double price = fillablePrice(tnc, tmmr, size, oraclePrice, pmmr, c);
        boolean liquidatable = tmmr > 0 && tnc < tmmr;
        Position p = new Position("position", size, oraclePrice, 0);
        return new Explanation("Fillable price", "FP = (PNNV − ABR × SMMR × PMMR) / PS,  ABR = clamp(BA × (1 − TNC /"
                + " TMMR), 0, 1)", List.of(
                new Term("PS", "position size", p.size(), "base"),
                new Term("PNNV", "position net notional at the oracle", p.netNotional(), "quote"),
                new Term("PMMR", "position maintenance margin", pmmr, "quote"),
                new Term("TNC", "total net collateral", tnc, "quote"),
                new Term("TMMR", "total maintenance margin", tmmr, "quote"),
                new Term("BA", "bankruptcy adjustment", c.bankruptcyAdjustment(), ""),
                new Term("SMMR", "spread to maintenance margin ratio", c.spreadToMaintenanceMarginRatio(), ""),
                new Term("ABR", "adjusted bankruptcy rating", abr, "")),
                "FP = (" + Numbers.term(p.netNotional()) + " − " + Numbers.plain(abr) + " × "
                        + Numbers.plain(c.spreadToMaintenanceMarginRatio()) + " × " + Numbers.plain(pmmr)
                        + ") / " + Numbers.term(p.size()), price, List.of(
                "The liquidation order is priced this far from the oracle so that it fills against resting orders;"
                        + " the deeper the account is below maintenance, the wider (at most SMMR × MMF).",
                liquidatable ? "The account is liquidatable: TNC " + Numbers.plain(tnc)
                        + " < TMMR " + Numbers.plain(tmmr) + " (liquidatable only strictly below)."
                        : "The account is not liquidatable now (TNC ≥ TMMR); this is the price a liquidation would"
                        + " use at the current oracle."));
    }
}
