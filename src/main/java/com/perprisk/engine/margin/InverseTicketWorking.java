package com.perprisk.engine.margin;

import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.perprisk.engine.explain.Numbers.plain;
import static com.perprisk.engine.explain.Numbers.term;

/**
 * The working of the order ticket's figures on a coin-margined (inverse) contract: each formula in the settle coin
 * ({@link InverseOrder}), with the value in the quote currency at the mark beside every amount.
 */
final class InverseTicketWorking {
    private final String coin;
    private final double cs;
    private final double mark;
    private final Term csTerm;

    InverseTicketWorking(Market market) {
        this.coin = market.contract().settleAsset();
        this.cs = market.contract().contractSize();
        this.mark = market.markPrice();
        this.csTerm = new Term("cs", "contract size (value of one contract)", cs, "quote");
    }

    /** "≈ 123.4 USD at the mark 60000": a coin amount's value in the quote currency. */
    String usd(double coinAmount) {
        return plain(coinAmount) + " " + coin + " ≈ " + plain(coinAmount * mark) + " USD at the mark " + plain(mark)
                + ".";
    }

    Map<String, Explanation> order(Order order, Position alone, double fee) {
        Map<String, Explanation> ex = new LinkedHashMap<>();
        double ep = alone.entryPrice();
        double l = alone.leverage();
        double c = alone.size();
        double notional = c * cs / ep;
        Term epTerm = new Term("EP", "entry price", ep, "quote");
        Term cTerm = new Term("C", "contracts", c, "contracts");
        String entryNote = order.entryPrice() == null ? "The entry price is the mark (no price was given)."
                : "The entry price is the one given on the ticket.";
        String whole = "Rounded down to whole contracts: the contract trades in units of " + plain(cs) + " USD.";
        double v = order.amount().value();
        ex.put("size", switch (order.amount().kind()) {
            case SIZE -> new Explanation("Order size", "C as given (whole contracts)", List.of(cTerm),
                    "C = " + plain(c), c, List.of("The size was typed on the ticket, in contracts of " + plain(cs)
                    + " USD."));
            case NOTIONAL -> new Explanation("Order size", "C = floor(N × EP / cs)", List.of(new Term("N",
                    "coin notional to commit", v, coin), epTerm, csTerm), "C = floor(" + plain(v) + " × " + plain(ep)
                    + " / " + plain(cs) + ")", c, List.of(entryNote, whole));
            case MARGIN -> new Explanation("Order size", "C = floor(M × L × EP / cs)", List.of(new Term("M",
                    "coin margin to commit", v, coin), new Term("L", "leverage", l, "×"), epTerm, csTerm),
                    "C = floor(" + plain(v) + " × " + plain(l) + " × " + plain(ep) + " / " + plain(cs) + ")", c,
                    List.of(entryNote, "The margin is the initial margin: margin × leverage is the coin notional.",
                            whole));
        });
        ex.put("notional", new Explanation("Order notional", "N = C × cs / EP", List.of(cTerm, csTerm, epTerm),
                "N = " + plain(c) + " × " + plain(cs) + " / " + plain(ep), notional,
                List.of("In " + coin + ": " + plain(c) + " contracts of " + plain(cs) + " USD are "
                        + plain(c * cs) + " USD, worth " + plain(notional) + " " + coin + " at the entry price.",
                        usd(notional), entryNote)));
        ex.put("initialMargin", new Explanation("Order initial margin", "IM = C × cs / EP / L",
                List.of(cTerm, csTerm, epTerm, new Term("L", "leverage", l, "×")),
                "IM = " + plain(c) + " × " + plain(cs) + " / " + plain(ep) + " / " + plain(l), notional / l,
                List.of("Binance's coin-margined calculator: Qty × contract_multiplier × IMR / entry price, IMR = 1 /"
                        + " leverage; the " + coin + " available balance falls by it.", usd(notional / l))));
        ex.put("openFee", new Explanation("Fee to open", "fee × C × cs / EP", List.of(new Term("fee",
                "taker fee rate", fee, "rate"), cTerm, csTerm, epTerm),
                "fee to open = " + plain(fee) + " × " + plain(c) + " × " + plain(cs) + " / " + plain(ep),
                fee * notional, List.of("On the coin notional, paid in " + coin + ".", usd(fee * notional),
                "Shown for the trader; the before → after figures do not take it from the wallet.")));
        return ex;
    }

    Explanation maxOpen(MaxOpen.Result r, double balance, double leverage, Side side, double entryPrice,
                        double takerFeeRate, double heldNotional) {
        double openLoss = InverseOrder.openLossPerContract(side, cs, entryPrice, mark);
        double perContract = InverseOrder.costPerContract(side, cs, leverage, entryPrice, mark, takerFeeRate);
        String notes = "balance".equals(r.limitedBy())
                ? "The " + coin + " available balance binds: one contract more would cost more than it holds."
                : "The tier table binds: at " + plain(leverage) + "x the brackets end at a coin notional of "
                + plain(r.tierCap()) + " " + coin + (heldNotional > 0 ? ", of which " + plain(heldNotional)
                + " is already held" : "") + "; a larger order needs a lower leverage.";
        String tierPart = Double.isInfinite(r.tierCap()) ? "" : ", floor(max(0, " + plain(r.tierCap()) + " − "
                + plain(heldNotional) + ") × " + plain(entryPrice) + " / " + plain(cs) + ")";
        return new Explanation("Max open (largest order)", "C_max = min(floor(balance / (cs / EP / L + fee × cs / EP"
                + " + open loss)), floor(max(0, cap − held) × EP / cs))",
                List.of(new Term("balance", coin + " available balance", balance, coin),
                        new Term("EP", "entry price", entryPrice, "quote"), csTerm,
                        new Term("L", "leverage", leverage, "×"),
                        new Term("fee", "taker fee rate to open", takerFeeRate, "rate"),
                        new Term("open loss", "max(0, side × cs × (1/MP − 1/EP)) per contract", openLoss, coin),
                        new Term("cap", "coin notional cap of the brackets allowing L", r.tierCap(), coin),
                        new Term("held", "coin notional already held on this side", heldNotional, coin)),
                Double.isInfinite(r.tierCap()) ? "C_max = floor(" + plain(balance) + " / " + plain(perContract) + ")"
                        : "C_max = min(floor(" + plain(balance) + " / " + plain(perContract) + ")" + tierPart + ")",
                r.size(),
                List.of(notes, "Binance's definition in coin: the cost to open (initial margin, fee and open loss,"
                                + " " + plain(perContract) + " " + coin + " a contract) fits the " + coin + " balance"
                                + " and the coin notional stays in the brackets that allow the leverage; whole"
                                + " contracts.",
                        "Its notional is " + plain(r.notional()) + " " + coin + " and its initial margin "
                                + plain(r.initialMargin()) + " " + coin + ".", usd(r.initialMargin())));
    }

    Explanation stopSize(Side side, double entry, double stop, double budget, double fee, double c) {
        double perContract = InverseOrder.lossPerContract(cs, entry, stop, fee);
        return new Explanation("Size for a stop and a loss budget",
                "C = floor(budget / (cs × |1/stop − 1/EP| + fee × cs × (1/EP + 1/stop)))",
                List.of(new Term("budget", "coin loss allowed at the stop", budget, coin),
                        new Term("stop", "stop price", stop, "quote"),
                        new Term("EP", "entry price", entry, "quote"), csTerm,
                        new Term("fee", "taker fee rate, paid to open and to close", fee, "rate")),
                "C = floor(" + plain(budget) + " / (" + plain(cs) + " × (" + (side == Side.LONG ? "1 / " + plain(stop)
                        + " − 1 / " + plain(entry) : "1 / " + plain(entry) + " − 1 / " + plain(stop)) + ") + "
                        + plain(fee) + " × " + plain(cs) + " × (1 / " + plain(entry) + " + 1 / " + plain(stop) + ")))",
                c, List.of("In " + coin + ", fees included: the taker fee on the coin notional at EP to open and at"
                                + " the stop to close; one contract loses " + plain(perContract) + " " + coin + ".",
                        "Whole contracts, rounded down" + (c == 0 ? ": the budget does not cover one contract." : "."),
                        usd(budget)));
    }

    Explanation forRoe(Side side, double entryPrice, double leverage, double roe, double p) {
        return new Explanation("Target price for an ROE", "P = EP / (1 − side × ROE / L)",
                List.of(new Term("side", side.name().toLowerCase(), side.sign(), ""),
                        new Term("EP", "entry price", entryPrice, "quote"),
                        new Term("ROE", "desired return on the coin initial margin at entry", roe, "rate"),
                        new Term("L", "leverage", leverage, "×")),
                "P = " + plain(entryPrice) + " / (1 − " + side.sign() + " × " + term(roe) + " / " + plain(leverage)
                        + ")", p,
                List.of("Solves side × C × cs × (1/EP − 1/P) = ROE × C × cs / EP / L: ROE is the coin PnL over the"
                                + " coin initial margin at entry, so ROE = side × L × (1 − EP / P).",
                        "Binance's coin-margined calculator: target price = side × EP / (side − ROE × IMR).",
                        "Fees are not included."));
    }

    Explanation forPnl(Side side, double entryPrice, double contracts, double pnl, double p) {
        return new Explanation("Target price for a PnL", "P = 1 / (1 / EP − side × PnL / (C × cs))",
                List.of(new Term("side", side.name().toLowerCase(), side.sign(), ""),
                        new Term("EP", "entry price", entryPrice, "quote"),
                        new Term("PnL", "desired coin profit (negative: a loss)", pnl, coin),
                        new Term("C", "contracts", contracts, "contracts"), csTerm),
                "P = 1 / (1 / " + plain(entryPrice) + " − " + side.sign() + " × " + term(pnl) + " / ("
                        + plain(contracts) + " × " + plain(cs) + "))", p,
                List.of("Solves side × C × cs × (1/EP − 1/P) = PnL for P, the PnL in " + coin + ".", usd(pnl),
                        "Fees are not included."));
    }

    Explanation pnlAt(Side side, double contracts, double entryPrice, double price) {
        double pnl = InverseOrder.pnlAt(side, contracts, cs, entryPrice, price);
        return new Explanation("PnL at the exit price", "PnL = side × C × cs × (1/EP − 1/X)",
                List.of(new Term("side", side.name().toLowerCase(), side.sign(), ""),
                        new Term("C", "contracts", contracts, "contracts"), csTerm,
                        new Term("EP", "entry price", entryPrice, "quote"), new Term("X", "exit price", price,
                                "quote")),
                "PnL = " + side.sign() + " × " + plain(contracts) + " × " + plain(cs) + " × (1 / " + plain(entryPrice)
                        + " − 1 / " + plain(price) + ")", pnl,
                List.of("In " + coin + ", before fees.", plain(pnl) + " " + coin + " ≈ " + plain(pnl * price)
                        + " USD at the exit price " + plain(price) + "."));
    }

    Explanation roeAt(Side side, double contracts, double entryPrice, double leverage, double price) {
        double pnl = InverseOrder.pnlAt(side, contracts, cs, entryPrice, price);
        double im = contracts * cs / entryPrice / leverage;
        return new Explanation("ROE at the exit price", "ROE = PnL / IM,  IM = C × cs / EP / L",
                List.of(new Term("PnL", "coin PnL at the exit price", pnl, coin),
                        new Term("IM", "coin initial margin at entry", im, coin)),
                "ROE = " + term(pnl) + " / " + plain(im), pnl / im,
                List.of("Both in " + coin + ": ROE = side × L × (1 − EP / X) (Binance's coin-margined calculator).",
                        "Binance's open-positions screen divides by the margin at the price instead: see the"
                                + " ROE on margin at the exit price."));
    }

    Explanation roeOnMarginAt(Side side, double contracts, double entryPrice, double leverage, double price) {
        double pnl = InverseOrder.pnlAt(side, contracts, cs, entryPrice, price);
        return new Explanation("ROE on margin at the exit price (positions screen)", "ROE = PnL / (C × cs / X / L)",
                List.of(new Term("PnL", "coin PnL at the exit price", pnl, coin),
                        new Term("C", "contracts", contracts, "contracts"), csTerm,
                        new Term("X", "exit price", price, "quote"), new Term("L", "leverage", leverage, "×")),
                "ROE = " + term(pnl) + " / (" + plain(contracts) + " × " + plain(cs) + " / " + plain(price) + " / "
                        + plain(leverage) + ")", pnl / (contracts * cs / price / leverage),
                List.of("The coin margin the position needs at the exit price, so it differs from the ROE on the"
                        + " initial margin at entry: side × L × (X / EP − 1)."));
    }
}
