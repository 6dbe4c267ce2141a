package com.perprisk.engine.inverse;

import com.perprisk.engine.Account;
import com.perprisk.engine.Contract;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reciprocal map x = 1 / P, which turns an inverse contract into a linear one so that the one exact solver
 * serves both. In x an inverse leg of C contracts of size cs is a linear leg of size Q' = C × cs on the opposite side
 * with entry x_e = 1 / EP:
 *
 * <pre>
 * notional   N(P) = C × cs / P              = Q' × x
 * uPnL       side × C × cs × (1/EP − 1/P)   = (−side) × Q' × (x − x_e)
 * IM         N(EP) / L                      = Q' × x_e / L
 * MM         N(P) × MMR − amount            = Q' × x × MMR − amount
 * close fee  fee × N(P)                     = fee × Q' × x
 * </pre>
 *
 * Every amount is then in the settle coin, every term is linear in x, and bracket floors cut the x axis at
 * x = floor / Q'. The x axis runs from 0 (P = +∞) to +∞ (P → 0), so the solver's positive half-line covers every
 * positive price: a root at x ≤ 0 is "no liquidation" (a 1x short), and a long's loss grows without bound as x → ∞.
 */
public final class Reciprocal {
    private Reciprocal() {
    }

    /** x = 1 / P (and P = 1 / x: the map is its own inverse). */
    public static double flip(double price) {
        return 1 / price;
    }

    /** Whether any market of the portfolio is an inverse contract. */
    public static boolean hasInverse(Portfolio portfolio) {
        for (Market m : portfolio.markets()) {
            if (m.isInverse()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the portfolio has coin pools: an inverse market or a coin wallet. */
    public static boolean hasCoinPools(Portfolio portfolio) {
        return hasInverse(portfolio) || !portfolio.account().coinWallets().isEmpty();
    }

    /** The coins with a pool: the settle coins of the inverse markets, then any other coin with a wallet. */
    public static Set<String> poolAssets(Portfolio portfolio) {
        Set<String> out = settleAssets(portfolio);
        out.addAll(portfolio.account().coinWallets().keySet());
        return out;
    }

    /** The settle coins of the portfolio's inverse markets, in market order. */
    public static Set<String> settleAssets(Portfolio portfolio) {
        Set<String> out = new LinkedHashSet<>();
        for (Market m : portfolio.markets()) {
            if (m.isInverse()) {
                out.add(m.contract().settleAsset());
            }
        }
        return out;
    }

    /** An inverse position as the linear leg it is in x: size C × cs, the opposite side, entry 1 / EP. */
    public static Position position(Position p, Market m) {
        double q = m.contract().faceValue(p.size());
        return new Position(p.id(), p.symbol(), p.side().opposite(), q, flip(p.entryPrice()), p.leverage(),
                p.marginMode(), p.isolatedMargin(), p.extraMargin());
    }

    /** An inverse market as a linear market in x: mark and index 1 / P, the same convention, tiers (in coin), fee. */
    public static Market market(Market m) {
        return new Market(m.symbol(), m.convention(), flip(m.markPrice()), flip(m.indexPrice()), m.takerFeeRate(),
                m.tiers(), m.dydx(), m.funding(), null, Contract.LINEAR);
    }

    /**
     * The pool of one settlement coin as a linear portfolio in x: the coin's cross wallet (0 when the account has
     * none), every inverse market settled in it and their positions, mapped.
     */
    public static Portfolio portfolio(Portfolio portfolio, String asset) {
        Double wallet = portfolio.account().coinWallet(asset);
        Account account = new Account(wallet == null ? 0 : wallet, portfolio.account().positionMode());
        List<Market> markets = new ArrayList<>();
        Map<String, Market> bySymbol = portfolio.marketsBySymbol();
        for (Market m : portfolio.markets()) {
            if (m.isInverse() && asset.equals(m.contract().settleAsset())) {
                markets.add(market(m));
            }
        }
        List<Position> positions = new ArrayList<>();
        for (Position p : portfolio.positions()) {
            Market m = bySymbol.get(p.symbol());
            if (m != null && m.isInverse() && asset.equals(m.contract().settleAsset())) {
                positions.add(position(p, m));
            }
        }
        return new Portfolio(account, markets, positions, portfolio.horizonHours());
    }

    /** The linear quote pool's part of the portfolio: the linear markets and their positions, the quote wallet. */
    public static Portfolio linearPart(Portfolio portfolio) {
        Map<String, Market> bySymbol = portfolio.marketsBySymbol();
        List<Market> markets = portfolio.markets().stream().filter(m -> !m.isInverse()).toList();
        List<Position> positions = portfolio.positions().stream()
                .filter(p -> bySymbol.get(p.symbol()) == null || !bySymbol.get(p.symbol()).isInverse()).toList();
        // the quote wallet only: the coin wallets are the coin pools'
        return new Portfolio(portfolio.account().withCoinWallets(Map.of()), markets, positions,
                portfolio.horizonHours());
    }
}
