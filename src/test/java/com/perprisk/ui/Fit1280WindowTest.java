package com.perprisk.ui;

/** {@link FitWindowTest} at 1280×800 on the demo workspace. */
class Fit1280WindowTest extends FitWindowTest {
    @Override
    protected String sample() {
        return "demo";
    }

    /**
     * 99 px before round 4 (the tiles took a third of the column and the chrome its padding), 131 px before the x
     * axis's label and the legend shared a row below the chart (ChartFooter).
     */
    @Override
    protected double presentationPlot() {
        return 145;
    }

    /** Ctrl+Shift+F: the tiles and the result tabs over the whole centre. */
    @Override
    protected double filledPlot() {
        return 350;
    }
}
