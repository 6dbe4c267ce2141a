package com.perprisk.io;

import com.perprisk.engine.funding.FundingMethod;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.io.JsonTree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.perprisk.io.LabFields.*;

/**
 * The {@code funding} section of a market-lab document: the method, its samples or votes, clamps and caps.
 */
final class LabFundingSection {
    static final Set<String> FUNDING = Set.of("method", "premiumSamples", "expectedSamples", "interest", "clampFloor",
            "clampCeiling", "cap", "intervalHours", "defaultFunding", "initialMarginFraction", "maintenanceFraction",
            "clampFactor", "premiumVotes", "elapsedHours", "minVotesPerSample", "tailRemovalRatio", "oraclePrice",
            "premiumVoteClampFactor");

    private LabFundingSection() {
    }

    static LabInputs.FundingIn read(LabFields f, JsonObject o) throws WorkspaceException {
        FundingMethod method = requiredChoice(o, "method", FundingMethod.class);
        List<Double> samples = numbers(o, "premiumSamples");
        List<List<Double>> votes = null;
        List<Node> vs = o.array("premiumVotes");
        if (vs != null) {
            votes = new ArrayList<>();
            for (int i = 0; i < vs.size(); i++) {
                String at = o.childPath("premiumVotes") + "[" + i + "]";
                Node v = vs.get(i);
                if (!v.isArray()) {
                    throw JsonObject.typeError(v, at, "an array of the votes of one sample");
                }
                List<Double> one = new ArrayList<>();
                for (int k = 0; k < v.array().size(); k++) {
                    one.add(JsonObject.toDouble(v.array().get(k), at + "[" + k + "]"));
                }
                votes.add(one);
            }
        }
        Integer expected = o.has("expectedSamples") ? count(o, "expectedSamples", 60, 1) : null;
        Integer minVotes = o.has("minVotesPerSample") ? count(o, "minVotesPerSample", 15, 1) : null;
        Double imf = o.number("initialMarginFraction");
        if (imf != null && (imf <= 0 || imf > 1)) {
            throw invalid(o, "initialMarginFraction", "must lie in (0, 1], got " + fmt(imf));
        }
        Double mf = o.number("maintenanceFraction");
        if (mf != null && (mf < 0 || mf > 1)) {
            throw invalid(o, "maintenanceFraction", "must lie in [0, 1], got " + fmt(mf));
        }
        if (method == FundingMethod.DYDX && imf == null) {
            throw missing(o, "initialMarginFraction", "the DYDX method needs it for the clamp");
        }
        if (method == FundingMethod.DYDX && mf == null) {
            throw missing(o, "maintenanceFraction", "the DYDX method needs it for the clamp");
        }
        Double interval = o.has("intervalHours") ? pos(o, "intervalHours", null) : null;
        if (interval != null && method != FundingMethod.BINANCE && interval != 8.0) {
            throw invalid(o, "intervalHours", method.name() + " states an 8 h rate; give 8 or leave it out");
        }
        FundingMethod.Inputs in = new FundingMethod.Inputs(samples, votes, expected, o.number("interest"),
                o.number("clampFloor"), o.number("clampCeiling"), optNonNeg(o, "cap"), interval,
                o.number("defaultFunding"), imf, mf, optNonNeg(o, "clampFactor"), minVotes,
                optNonNeg(o, "tailRemovalRatio"), optNonNeg(o, "elapsedHours"), optPos(o, "oraclePrice"),
                optNonNeg(o, "premiumVoteClampFactor"));
        Double floor = in.clampFloor();
        Double ceiling = in.clampCeiling();
        if (floor != null && ceiling != null && floor > ceiling) {
            throw invalid(o, "clampFloor", fmt(floor) + " is above clampCeiling " + fmt(ceiling));
        }
        if (in.tailRemovalRatio() != null && in.tailRemovalRatio() >= 0.5) {
            throw invalid(o, "tailRemovalRatio", "must be below 0.5 (it is removed at each end), got "
                    + fmt(in.tailRemovalRatio()));
        }
        return new LabInputs.FundingIn(method, in);
    }
}
