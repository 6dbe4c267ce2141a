package com.perprisk.io;

import com.perprisk.engine.Contract;
import com.perprisk.engine.ContractType;
import com.perprisk.engine.Convention;
import com.perprisk.engine.DatedFuture;
import com.perprisk.engine.DydxMargin;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.InputRule;
import com.perprisk.engine.Market;
import com.perprisk.engine.tier.TierIssue;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import com.perprisk.io.WorkspaceDocument.ContractDoc;
import com.perprisk.io.WorkspaceDocument.DydxDoc;
import com.perprisk.io.WorkspaceDocument.FundingDoc;
import com.perprisk.io.WorkspaceDocument.FutureDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;

import java.util.ArrayList;
import java.util.List;

/** A market of the document as the engine's {@link Market}: prices, fee, tier table or dYdX margin, funding, future. */
final class MarketMapping extends FieldChecks {
    MarketMapping(List<FieldProblem> problems) {
        super(problems);
    }

    Market market(String at, MarketDoc m) {
        int before = errorCount();
        Convention convention = enumValue(at + ".convention", m.convention(), Convention.class, "convention");
        double mark = required(at + ".markPrice", m.markPrice(), InputRule.PRICE);
        double index = m.indexPrice() == null ? mark : required(at + ".indexPrice", m.indexPrice(),
                InputRule.PRICE);
        double fee = 0;
        if (m.takerFeeRate() != null) {
            fee = m.takerFeeRate();
            if (!Double.isFinite(fee)) {
                error(at + ".takerFeeRate", "must be a finite number, got " + num(fee));
            } else if (!InputRule.FEE_RATE.accepts(fee)) {
                error(at + ".takerFeeRate", InputRule.FEE_RATE.problem(fee));
            }
        }
        FundingTerms funding = funding(at + ".funding", m.funding());
        DatedFuture future = future(at + ".future", m.future());
        if (convention == null || m.symbol() == null || m.symbol().isBlank()) {
            return null;
        }
        if (convention == Convention.DYDX) {
            if (m.contract() != null && !m.contract().isPlainLinear()) {
                error(at + ".contract", "a DYDX market is a linear contract; leave the contract block out");
            }
            if (m.tiers() != null && !m.tiers().isEmpty()) {
                warning(at + ".tiers", "ignored: a DYDX market takes its margin from the dydx block");
            }
            DydxMargin dydx = dydx(at + ".dydx", m.dydx());
            if (dydx == null || errorCount() > before) {
                return null;
            }
            return Market.dydx(m.symbol(), mark, index, fee, dydx, funding, future);
        }
        if (m.dydx() != null) {
            warning(at + ".dydx", "ignored: only a DYDX market uses the dydx block");
        }
        Contract contract = contract(at, convention, m.contract());
        TierTable table = tiers(at + ".tiers", convention, m.tiers());
        if (table == null || contract == null || errorCount() > before) {
            return null;
        }
        if (contract.isInverse()) {
            plausibleCoinCaps(at + ".tiers", table, mark, contract.settleAsset());
        }
        return new Market(m.symbol(), convention, mark, index, fee, table, null, funding, future, contract);
    }

    /**
     * The contract block: none, or LINEAR of size 1, is a linear contract; INVERSE needs a positive contractSize and
     * a settleAsset, and an inverse convention (BINANCE_COINM, BYBIT_INVERSE, BITMEX), which in turn needs it.
     * Returns null after reporting a problem.
     */
    Contract contract(String at, Convention convention, ContractDoc c) {
        String cp = at + ".contract";
        boolean inverseVenue = convention.contractType() == ContractType.INVERSE;
        if (c == null) {
            if (inverseVenue) {
                error(cp, "missing; " + convention.name() + " is a coin-margined convention: add {\"type\":"
                        + " \"INVERSE\", \"contractSize\": …, \"settleAsset\": …} (and \"version\": 2)");
                return null;
            }
            return Contract.LINEAR;
        }
        ContractType type = enumValue(cp + ".type", c.type(), ContractType.class, "contract type");
        if (type == null) {
            return null;
        }
        if (type == ContractType.LINEAR) {
            int before = errorCount();
            if (c.contractSize() != null && c.contractSize() != 1) {
                error(cp + ".contractSize", "must be 1 (or left out) for a LINEAR contract, whose size is in base"
                        + " units; got " + num(c.contractSize()));
            }
            if (c.settleAsset() != null) {
                error(cp + ".settleAsset", "only an INVERSE contract has a settle asset; a LINEAR one settles in the"
                        + " quote asset");
            }
            if (inverseVenue) {
                error(cp + ".type", "is LINEAR, but " + convention.name() + " is a coin-margined convention: use"
                        + " INVERSE, or a linear convention (" + linearNames() + ")");
            }
            return errorCount() > before ? null : Contract.LINEAR;
        }
        int before = errorCount();
        if (!inverseVenue) {
            error(at + ".convention", convention.name() + " is for linear contracts; an INVERSE contract needs one"
                    + " of " + inverseNames());
        }
        Double size = c.contractSize();
        if (size == null) {
            error(cp + ".contractSize", "missing; the value of one contract in the quote currency (e.g. 100 for"
                    + " Binance COIN-M BTCUSD_PERP, 1 for BitMEX XBTUSD)");
        } else if (!(size > 0) || !Double.isFinite(size) || size > 1e12) {
            error(cp + ".contractSize", "must be a positive number of quote units (at most 1e12), got " + num(size));
        }
        String asset = c.settleAsset();
        if (asset == null || asset.isBlank()) {
            error(cp + ".settleAsset", "missing; the coin the contract settles in, e.g. \"BTC\"");
        } else if (!asset.matches("[A-Za-z0-9]{1,20}")) {
            error(cp + ".settleAsset", "must be a coin's ticker (letters and digits, e.g. \"BTC\"), got \"" + asset
                    + "\"");
        }
        return errorCount() > before ? null : Contract.inverse(size, asset);
    }

    /**
     * Tiers of an inverse contract are in coin notional. A lowest bracket worth more than 100,000,000 in the quote
     * currency at the mark looks like a linear (USDT) table typed in by mistake: a warning at the first cap.
     */
    void plausibleCoinCaps(String at, TierTable table, double mark, String asset) {
        for (int k = 0; k < table.size(); k++) {
            double cap = table.tier(k).cap();
            if (Double.isFinite(cap)) {
                double worth = cap * mark;
                if (worth > IMPLAUSIBLE_FIRST_CAP_VALUE) {
                    warning(at + "[" + k + "].cap", num(cap) + " " + asset + " is worth " + num(worth)
                            + " in the quote currency"
                            + " at the mark: tiers of an inverse contract are in coin notional (" + asset
                            + "), so these caps look like a linear table's (in the quote currency)");
                }
                return;
            }
        }
    }

    /** The quote value above which a lowest bracket's cap is implausible for coin notional. */
    static final double IMPLAUSIBLE_FIRST_CAP_VALUE = 100_000_000;

    private static String linearNames() {
        return String.join(", ", Convention.of(ContractType.LINEAR).stream().map(Enum::name).toList());
    }

    private static String inverseNames() {
        return String.join(", ", Convention.of(ContractType.INVERSE).stream().map(Enum::name).toList());
    }

    TierTable tiers(String at, Convention convention, List<TierDoc> tiers) {
        if (tiers == null || tiers.isEmpty()) {
            error(at, (tiers == null ? "missing" : "empty") + "; a " + convention.name()
                    + " market needs at least one bracket");
            return null;
        }
        int before = errorCount();
        List<TierSpec> specs = new ArrayList<>();
        for (int k = 0; k < tiers.size(); k++) {
            String tp = at + "[" + k + "]";
            TierDoc t = tiers.get(k);
            if (t == null) {
                error(tp, "missing (null)");
                continue;
            }
            boolean last = k == tiers.size() - 1;
            Double floor = finiteOrError(tp + ".floor", t.floor(), true);
            Double cap = t.cap();
            if (cap == null || cap == Double.POSITIVE_INFINITY) {
                if (last) {
                    cap = Double.POSITIVE_INFINITY;
                } else {
                    error(tp + ".cap", "missing; only the last bracket may leave its cap open");
                }
            } else if (!Double.isFinite(cap)) {
                error(tp + ".cap", "must be a finite number, got " + num(cap));
                cap = null;
            }
            Double maxLev = finiteOrError(tp + ".maxLeverage", t.maxLeverage(), true);
            Double mmr = finiteOrError(tp + ".mmr", t.mmr(), false);
            Double amount = finiteOrError(tp + ".maintenanceAmount", t.maintenanceAmount(), false);
            if (floor != null && cap != null && maxLev != null) {
                specs.add(new TierSpec(floor, cap, maxLev, mmr, amount));
            }
        }
        if (errorCount() > before) {
            return null;
        }
        try {
            TierTable table = TierTable.resolve(convention, specs);
            report(at, table.issues());
            return table;
        } catch (TierTable.InvalidTierTableException e) {
            report(at, e.issues());
            return null;
        }
    }

    void report(String at, List<TierIssue> issues) {
        for (TierIssue issue : issues) {
            String path = issue.tierIndex() < 0 ? at : at + "[" + issue.tierIndex() + "]." + issue.field();
            if (issue.isError()) {
                error(path, issue.message());
            } else {
                warning(path, issue.message());
            }
        }
    }

    DydxMargin dydx(String at, DydxDoc d) {
        if (d == null) {
            error(at, "missing; a DYDX market needs initialMarginFraction and maintenanceFraction");
            return null;
        }
        int before = errorCount();
        double imf = required(at + ".initialMarginFraction", d.initialMarginFraction(), InputRule.FRACTION);
        double mf = required(at + ".maintenanceFraction", d.maintenanceFraction(), InputRule.FRACTION);
        double oi = nonNegative(at + ".openInterestNotional", d.openInterestNotional());
        double lower = nonNegative(at + ".oiLowerCap", d.oiLowerCap());
        double upper = nonNegative(at + ".oiUpperCap", d.oiUpperCap());
        if (upper > 0 && upper < lower) {
            error(at + ".oiUpperCap", "must not be below oiLowerCap " + num(lower) + ", got " + num(upper));
        } else if (upper == 0 && lower > 0) {
            // dYdX refuses a lower cap above the upper one; an upper cap of 0 turns scaling off
            error(at + ".oiLowerCap", "must be 0 when oiUpperCap is 0 (no open-interest scaling), got "
                    + num(lower));
        }
        var liquidation = DydxLiquidationBlock.read(at, d.extra(), this::error, this::warning);
        return errorCount() > before || liquidation == null ? null
                : new DydxMargin(imf, mf, oi, lower, upper, liquidation);
    }

    FundingTerms funding(String at, FundingDoc f) {
        if (f == null) {
            return FundingTerms.NONE;
        }
        double rate = 0;
        if (f.rate() != null) {
            if (!Double.isFinite(f.rate())) {
                error(at + ".rate", "must be a finite number, got " + num(f.rate()));
            } else if (!InputRule.FUNDING_RATE.accepts(f.rate())) {
                error(at + ".rate", InputRule.FUNDING_RATE.problem(f.rate()));
            } else {
                rate = f.rate();
            }
        }
        double interval = WorkspaceMapper.DEFAULT_FUNDING_INTERVAL_HOURS;
        if (f.intervalHours() != null) {
            interval = positive(at + ".intervalHours", f.intervalHours(), "hours", InputRule.FUNDING_INTERVAL);
        }
        return new FundingTerms(rate, InputRule.FUNDING_INTERVAL.accepts(interval) ? interval
                : WorkspaceMapper.DEFAULT_FUNDING_INTERVAL_HOURS);
    }

    DatedFuture future(String at, FutureDoc f) {
        if (f == null) {
            return null;
        }
        double price = required(at + ".price", f.price(), InputRule.PRICE);
        double days = required(at + ".daysToExpiry", f.daysToExpiry(), InputRule.DAYS_TO_EXPIRY);
        return price > 0 && days > 0 ? new DatedFuture(price, days) : null;
    }
}
