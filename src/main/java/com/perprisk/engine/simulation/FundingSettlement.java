package com.perprisk.engine.simulation;

import com.perprisk.engine.Account;
import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.funding.FundingPayment;

import java.util.ArrayList;
import java.util.List;

/**
 * Funding along a simulated path: each market settles by {@link FundingPayment#settlementsBetween} at its interval,
 * at the path's rate when it gives one (else the market's), each position paying or receiving
 * {@link FundingPayment#perSettlement} per settlement, into its isolated margin or into the cross wallet.
 */
final class FundingSettlement {
    private FundingSettlement() {
    }

    /** Settles the funding falling between point k − 1 and point k. */
    static void settle(SimulationRun run, PricePath path, int k) {
        for (Market m : run.pf.markets()) {
            long count = FundingPayment.settlementsBetween(path.timeHours(k - 1), path.timeHours(k),
                    m.funding().intervalHours());
            if (count <= 0) {
                continue;
            }
            double given = path.has(m.symbol()) ? path.fundingRate(m.symbol(), k) : Double.NaN;
            double rate = Double.isNaN(given) ? m.funding().rate() : given;
            if (rate == 0) {
                continue;
            }
            List<Position> next = new ArrayList<>();
            double toWallet = 0;
            double wallet = run.pf.account().walletBalance();
            for (Position p : run.pf.positions()) {
                if (!p.symbol().equals(m.symbol())) {
                    next.add(p);
                    continue;
                }
                // payment = settlements × (−side × Q × MP × F)   (+ received, − paid)
                double pay = FundingPayment.perSettlement(p.side(), p.size(), m.markPrice(), rate) * count + 0.0;
                run.funding += pay;
                double after;
                if (p.isIsolated()) {
                    after = p.isolatedMarginBalance() + pay;
                    next.add(SimulationRun.withMargin(p, after));
                } else {
                    next.add(p);
                    toWallet += pay;
                    after = wallet + toWallet;
                }
                run.emit(new SimulationEvent.Funding(run.step, run.time, p.id(), p.symbol(), rate, count,
                        m.markPrice(), pay, p.isIsolated(), after));
            }
            run.setPortfolio(run.pf.withPositions(next)
                    .withAccount(run.pf.account().withWalletBalance(wallet + toWallet)));
        }
    }
}
