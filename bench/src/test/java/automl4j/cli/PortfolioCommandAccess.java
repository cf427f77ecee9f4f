package automl4j.cli;

import automl4j.space.Config;

/** Lets tests in other packages strip featurization choices as the portfolio command does. */
public final class PortfolioCommandAccess {
    private PortfolioCommandAccess() {
    }

    public static Config stripped(Config c) {
        return PortfolioCommand.stripped(c);
    }
}
