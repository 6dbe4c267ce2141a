package com.perprisk.io;

import com.perprisk.engine.Account;
import com.perprisk.engine.Contract;
import com.perprisk.engine.ContractType;
import com.perprisk.engine.Convention;
import com.perprisk.engine.DydxMargin;
import com.perprisk.engine.InputRule;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.tier.Tier;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import com.perprisk.io.WorkspaceDocument.AccountDoc;
import com.perprisk.io.WorkspaceDocument.ContractDoc;
import com.perprisk.io.WorkspaceDocument.DydxDoc;
import com.perprisk.io.WorkspaceDocument.FundingDoc;
import com.perprisk.io.WorkspaceDocument.FutureDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Between the file's {@link WorkspaceDocument} and the engine's {@link Portfolio}. {@link #toPortfolio} checks every
 * value and reports each problem at its JSON path; warnings do not stop the portfolio being built. The other methods
 * go the other way, for saving what the engine holds and for the UI's edits.
 */
public final class WorkspaceMapper {
    /** Horizon used when a document leaves {@code horizonHours} out: 30 days. */
    public static final double DEFAULT_HORIZON_HOURS = com.perprisk.engine.RiskPolicy.DEFAULT_HORIZON_HOURS;
    /** Funding interval used when a market leaves {@code funding.intervalHours} (or the whole block) out. */
    public static final double DEFAULT_FUNDING_INTERVAL_HOURS = 8;

    private WorkspaceMapper() {
    }

    // ------------------------------------------------------------------ document → portfolio

    public static MappingResult toPortfolio(WorkspaceDocument doc) {
        return new Run(null).map(doc);
    }

    /**
     * The same as {@link #toPortfolio(WorkspaceDocument)}, reusing from {@code memo} each market that is the same
     * object at the same place as in the last mapping through it (an editor that rebuilds only edited parts of its
     * document maps only the edited markets).
     */
    public static MappingResult toPortfolio(WorkspaceDocument doc, Memo memo) {
        return new Run(memo).map(doc);
    }

    /** The markets of the last mapping through it, by document object; holds only what that mapping used. */
    public static final class Memo {
        private Map<MarketDoc, MappedMarket> markets = new IdentityHashMap<>();
    }

    /** A market as mapped at a path, with the problems mapping it found. */
    private record MappedMarket(String at, Market market, List<FieldProblem> problems) {
    }

    /** One mapping pass: collects problems as it goes. */
    private static final class Run extends FieldChecks {
        private final MarketMapping markets;
        private final PositionMapping positions;
        private final Memo memo;

        Run(Memo memo) {
            super(new ArrayList<>());
            markets = new MarketMapping(problems);
            positions = new PositionMapping(problems);
            this.memo = memo;
        }

        /** A market of the document: the memo's when it mapped this object at this path, else mapped now. */
        private Market market(String at, MarketDoc m, Map<MarketDoc, MappedMarket> used) {
            MappedMarket known = memo == null ? null : memo.markets.get(m);
            if (known != null && known.at().equals(at)) {
                problems.addAll(known.problems());
                used.put(m, known);
                return known.market();
            }
            int from = problems.size();
            Market market = null;
            try {
                market = this.markets.market(at, m);
            } catch (RuntimeException e) {
                error(at, "cannot be used: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
            }
            used.put(m, new MappedMarket(at, market, List.copyOf(problems.subList(from, problems.size()))));
            return market;
        }

        MappingResult map(WorkspaceDocument doc) {
            if (doc == null) {
                error("", "no workspace");
                return new MappingResult(null, problems);
            }
            if (doc.format() != null && !WorkspaceDocument.FORMAT.equals(doc.format())) {
                error("format", "is \"" + doc.format() + "\", expected \"" + WorkspaceDocument.FORMAT + "\"");
            }
            if (doc.version() != null && (doc.version() < 1 || doc.version() > WorkspaceDocument.CURRENT_VERSION)) {
                error("version", "is " + doc.version() + "; this version of PerpRisk reads versions 1 to "
                        + WorkspaceDocument.CURRENT_VERSION);
            }
            if (doc.version() != null && doc.version() < 2) {
                versionOneFields(doc);
            }
            Account account = account(doc.account());
            double horizon = DEFAULT_HORIZON_HOURS;
            if (doc.horizonHours() != null) {
                horizon = positive("horizonHours", doc.horizonHours(), "hours", InputRule.HORIZON);
            }
            Map<String, Market> markets = new LinkedHashMap<>();
            Map<String, Integer> seenSymbols = new HashMap<>();
            Map<MarketDoc, MappedMarket> used = new IdentityHashMap<>();
            if (doc.markets() == null) {
                error("markets", "missing (write [] for a workspace without markets)");
            } else {
                for (int i = 0; i < doc.markets().size(); i++) {
                    String at = "markets[" + i + "]";
                    MarketDoc m = doc.markets().get(i);
                    if (m == null) {
                        error(at, "missing (null)");
                        continue;
                    }
                    String symbol = m.symbol();
                    boolean duplicate = false;
                    if (symbol == null || symbol.isBlank()) {
                        error(at + ".symbol", "missing");
                    } else if (seenSymbols.containsKey(symbol)) {
                        error(at + ".symbol", "duplicate symbol \"" + symbol + "\" (also markets["
                                + seenSymbols.get(symbol) + "])");
                        duplicate = true;
                    } else {
                        seenSymbols.put(symbol, i);
                    }
                    Market market = market(at, m, used);
                    if (market != null && !duplicate) {
                        markets.put(symbol, market);
                    }
                }
            }
            if (memo != null) {
                memo.markets = used;
            }
            List<Position> positions = this.positions.positions(doc.positions(), account, seenSymbols.keySet(),
                    markets);
            // account.walletScope TOTAL: the engine gets the cross wallet, what the isolated margins leave
            account = new WalletScope.Check(problems).crossAccount(doc.account() == null ? null
                    : doc.account().extra(), account, positions, markets);
            if (errorCount() > 0) {
                return new MappingResult(null, problems);
            }
            return new MappingResult(new Portfolio(account, List.copyOf(markets.values()), positions, horizon),
                    problems);
        }

        private Account account(AccountDoc a) {
            if (a == null) {
                error("account", "missing (needs walletBalance and positionMode)");
                return null;
            }
            Double wb = a.walletBalance();
            double wallet = 0;
            if (wb == null) {
                error("account.walletBalance", "missing");
            } else if (!Double.isFinite(wb)) {
                error("account.walletBalance", "must be a finite number, got " + num(wb));
            } else if (InputRule.WALLET_BALANCE.problem(wb) != null) {
                error("account.walletBalance", InputRule.WALLET_BALANCE.problem(wb));
            } else {
                wallet = wb;
            }
            PositionMode mode = enumValue("account.positionMode", a.positionMode(), PositionMode.class,
                    "position mode");
            Map<String, Double> coins = coinWallets(a.coinWallets());
            return mode == null || wb == null || !InputRule.WALLET_BALANCE.accepts(wb) || coins == null ? null
                    : new Account(wallet, mode, coins);
        }

        /** {@code account.coinWallets}: each coin's cross wallet, a finite number from 0 to 1e15; null on an error. */
        private Map<String, Double> coinWallets(Map<String, Double> wallets) {
            Map<String, Double> out = new LinkedHashMap<>();
            if (wallets == null) {
                return out;
            }
            int before = errorCount();
            for (var e : wallets.entrySet()) {
                String at = "account.coinWallets." + e.getKey();
                if (e.getKey().isBlank() || !e.getKey().matches("[A-Za-z0-9]{1,20}")) {
                    error(at, "must be named by a coin's ticker (letters and digits, e.g. \"BTC\")");
                } else if (e.getValue() == null) {
                    error(at, "missing (null); write the coin's cross wallet balance, e.g. 1.5");
                } else if (InputRule.WALLET_BALANCE.problem(e.getValue()) != null) {
                    error(at, InputRule.WALLET_BALANCE.problem(e.getValue()));
                } else {
                    out.put(e.getKey(), e.getValue());
                }
            }
            return errorCount() > before ? null : out;
        }

        /** Version 2's names in a version 1 file are unknown fields there (kept, ignored): say so. */
        private void versionOneFields(WorkspaceDocument doc) {
            if (doc.account() != null && doc.account().extra().containsKey("coinWallets")) {
                warning("account.coinWallets", "ignored: coin wallets need \"version\": 2 (a version 1 workspace"
                        + " has only the quote wallet)");
            }
            if (doc.markets() != null) {
                for (int i = 0; i < doc.markets().size(); i++) {
                    MarketDoc m = doc.markets().get(i);
                    if (m != null && m.extra().containsKey("contract")) {
                        warning("markets[" + i + "].contract", "ignored: a contract block needs \"version\": 2 (in"
                                + " a version 1 workspace every market is linear)");
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ portfolio → document

    /** A document holding exactly what the engine holds (resolved tier tables, defaults written out). */
    public static WorkspaceDocument toDocument(Portfolio portfolio, String name) {
        Account a = portfolio.account();
        return WorkspaceDocument.of(name, new AccountDoc(a.walletBalance(), a.positionMode().name(),
                        coinWalletsDoc(a), null),
                portfolio.horizonHours(), portfolio.markets().stream().map(WorkspaceMapper::marketDoc).toList(),
                portfolio.positions().stream().map(WorkspaceMapper::positionDoc).toList());
    }

    /**
     * {@code base} with its account, horizon, markets and positions replaced by the portfolio's. Unknown fields of
     * {@code base} are kept: the document's own, the account's, a market's (matched by symbol) and a position's
     * (matched by id).
     */
    public static WorkspaceDocument withPortfolio(WorkspaceDocument base, Portfolio portfolio) {
        Map<String, MarketDoc> oldMarkets = new HashMap<>();
        if (base.markets() != null) {
            base.markets().stream().filter(m -> m != null && m.symbol() != null)
                    .forEach(m -> oldMarkets.putIfAbsent(m.symbol(), m));
        }
        Map<String, PositionDoc> oldPositions = new HashMap<>();
        if (base.positions() != null) {
            base.positions().stream().filter(p -> p != null && p.id() != null)
                    .forEach(p -> oldPositions.putIfAbsent(p.id(), p));
        }
        List<MarketDoc> markets = new ArrayList<>();
        for (Market m : portfolio.markets()) {
            MarketDoc fresh = marketDoc(m);
            MarketDoc old = oldMarkets.get(m.symbol());
            markets.add(old == null ? fresh : new MarketDoc(fresh.symbol(), fresh.convention(), fresh.markPrice(),
                    fresh.indexPrice(), fresh.takerFeeRate(), fresh.tiers(), fresh.dydx(), fresh.funding(),
                    fresh.future(), old.extra(), fresh.contract()));
        }
        List<PositionDoc> positions = new ArrayList<>();
        for (Position p : portfolio.positions()) {
            PositionDoc fresh = positionDoc(p);
            PositionDoc old = oldPositions.get(p.id());
            positions.add(old == null ? fresh : new PositionDoc(fresh.id(), fresh.symbol(), fresh.side(), fresh.size(),
                    fresh.entryPrice(), fresh.leverage(), fresh.marginMode(), fresh.isolatedMargin(),
                    fresh.extraMargin(), old.extra()));
        }
        Account a = portfolio.account();
        Map<String, Object> accountExtra = new LinkedHashMap<>(base.account() == null || base.account().extra() == null
                ? Map.of() : base.account().extra());
        accountExtra.remove(WalletScope.FIELD); // the engine holds the cross wallet: written as such
        AccountDoc account = new AccountDoc(a.walletBalance(), a.positionMode().name(), coinWalletsDoc(a),
                accountExtra);
        return new WorkspaceDocument(WorkspaceDocument.FORMAT, WorkspaceDocument.CURRENT_VERSION, base.name(), account,
                portfolio.horizonHours(), markets, positions, base.extra());
    }

    /** A position as the file writes it: isolated margin only when given, extra margin only when not 0. */
    public static PositionDoc positionDoc(Position p) {
        boolean isolated = p.isIsolated();
        return new PositionDoc(p.id(), p.symbol(), p.side().name(), p.size(), p.entryPrice(), p.leverage(),
                p.marginMode().name(), isolated ? p.isolatedMargin() : null,
                isolated && p.extraMargin() != 0 ? p.extraMargin() : null, null);
    }

    /** A market as the file writes it: dYdX as a dydx block, others as their resolved brackets. */
    public static MarketDoc marketDoc(Market m) {
        List<TierDoc> tiers = null;
        DydxDoc dydx = null;
        if (m.convention() == Convention.DYDX && m.dydx() != null) {
            DydxMargin d = m.dydx();
            dydx = new DydxDoc(d.initialMarginFraction(), d.maintenanceFraction(), d.openInterestNotional(),
                    d.oiLowerCap(), d.oiUpperCap(), DydxLiquidationBlock.extra(d.liquidation()));
        } else {
            tiers = tierDocs(m.convention(), m.tiers());
        }
        FundingDoc funding = new FundingDoc(m.funding().rate(), m.funding().intervalHours(), null);
        FutureDoc future = m.future() == null ? null
                : new FutureDoc(m.future().price(), m.future().daysToExpiry(), null);
        return new MarketDoc(m.symbol(), m.convention().name(), m.markPrice(), m.indexPrice(), m.takerFeeRate(), tiers,
                dydx, funding, future, null, contractDoc(m.contract()));
    }

    /** A contract as the file writes it: no block for a linear contract, the INVERSE block otherwise. */
    public static ContractDoc contractDoc(Contract c) {
        return c.isInverse() ? new ContractDoc(ContractType.INVERSE.name(), c.contractSize(), c.settleAsset())
                : null;
    }

    /** The coin wallets as the file writes them: none when the account has none. */
    private static Map<String, Double> coinWalletsDoc(Account a) {
        return a.coinWallets().isEmpty() ? null : a.coinWallets();
    }

    /**
     * Brackets as the file writes them: an open last cap is left out, Hyperliquid's derived MMR is left out, and
     * a maintenance amount only where the convention uses one.
     */
    public static List<TierDoc> tierDocs(Convention convention, TierTable table) {
        List<TierDoc> out = new ArrayList<>();
        boolean hyperliquid = convention.tierSource() == Convention.TierSource.HALF_INITIAL_AT_MAX_LEVERAGE;
        for (Tier t : table.tiers()) {
            out.add(new TierDoc(t.floor(), Double.isInfinite(t.cap()) ? null : t.cap(), t.maxLeverage(),
                    hyperliquid ? null : t.mmr(), convention.usesMaintenanceAmount() ? t.maintenanceAmount() : null));
        }
        return out;
    }

    /** Brackets as the engine's tier specs (an absent cap is +∞). Values are not checked here. */
    public static List<TierSpec> tierSpecs(List<TierDoc> tiers) {
        List<TierSpec> out = new ArrayList<>();
        for (TierDoc t : tiers) {
            out.add(new TierSpec(t.floor() == null ? Double.NaN : t.floor(),
                    t.cap() == null ? Double.POSITIVE_INFINITY : t.cap(),
                    t.maxLeverage() == null ? Double.NaN : t.maxLeverage(), t.mmr(), t.maintenanceAmount()));
        }
        return out;
    }
}
