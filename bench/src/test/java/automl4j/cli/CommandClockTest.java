package automl4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandClockTest {
    @Test
    void keepsEightPercentOfTheBudgetForAfterTheFitBetweenOneAndTwentySeconds() {
        assertThat(CommandClock.ofCommand(5).reserveSeconds()).isEqualTo(1.0);
        assertThat(CommandClock.ofCommand(100).reserveSeconds()).isEqualTo(8.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(CommandClock.ofCommand(3600).reserveSeconds()).isEqualTo(20.0);
        // A command that writes the report keeps 15 % (at most 60 s) and the fit's grace, max(2 s, 5 %).
        assertThat(CommandClock.ofReportingCommand(30).reserveSeconds()).isEqualTo(6.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(CommandClock.ofReportingCommand(3600).reserveSeconds()).isEqualTo(240.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theTimeOutsideTheFitIsTheTimeSinceTheCommandStartedPlusTheReserve() {
        CommandClock.commandStarted();
        CommandClock clock = CommandClock.ofCommand(10);
        double outside = clock.timeOutsideFit().toMillis() / 1000.0;
        assertThat(outside).isBetween(1.0, 1.0 + clock.elapsedSeconds() + 0.01);
    }

    @Test
    void importanceEndsBeforeTheCommandsDeadlineButGetsItsMinimum() {
        CommandClock.commandStarted();
        long now = System.nanoTime();
        // A 10 s command that just started: importance may run until about 9.7 s from now.
        long deadline = CommandClock.ofCommand(10).importanceDeadlineNanos(0.2);
        assertThat((deadline - now) / 1e9).isBetween(9.0, 9.8);
        // A command past its budget still gives importance its minimum.
        long late = CommandClock.ofCommand(0.1).importanceDeadlineNanos(0.2);
        assertThat((late - System.nanoTime()) / 1e9).isBetween(0.1, 0.21);
    }
}
