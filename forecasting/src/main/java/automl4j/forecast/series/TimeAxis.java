package automl4j.forecast.series;

import automl4j.DataException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The periods of a time column: each cell's period number (consecutive periods differ by 1) and, back, the label of
 * any period, written the way the column writes times, so that forecasts of the periods after a series' end are
 * labelled like its history.
 *
 * <p>The frequency is the one given, or inferred from the most common step between consecutive times of a series:
 * about a year, a quarter, a month, a week, a day, an hour, 30, 15 or 1 minutes. Yearly, quarterly and monthly periods
 * are calendar units (a month is a month whatever its days); the others are fixed lengths, and a time off their grid
 * (a daily series with a value at noon) is an error naming the row.
 */
public final class TimeAxis {
    private final Frequency frequency;
    private final TimeForm form;
    private final long grid;
    private final int anchorMonth;
    private final int anchorDay;
    private final boolean monthEnds;

    private TimeAxis(Frequency frequency, TimeForm form, long grid, int anchorMonth, int anchorDay, boolean monthEnds) {
        this.frequency = frequency;
        this.form = form;
        this.grid = grid;
        this.anchorMonth = anchorMonth;
        this.anchorDay = anchorDay;
        this.monthEnds = monthEnds;
    }

    /**
     * The axis of a time column.
     *
     * @param cells    the column's cells
     * @param series   the rows of each series, in any order (the steps between their sorted times give the frequency)
     * @param given    the frequency the user gave, or null to infer it
     * @param source   where the table came from, for messages
     * @return the axis
     * @throws DataException if the frequency cannot be inferred or does not fit the cells
     */
    public static TimeAxis of(TimeCells cells, List<int[]> series, Frequency given, String source) {
        Objects.requireNonNull(cells, "cells");
        TimeForm form = cells.form();
        switch (form) {
            case INTEGER -> {
                Frequency f = given == null ? Frequency.PERIODS : given;
                if (f != Frequency.PERIODS && f != Frequency.YEARLY) {
                    throw new DataException("time column '" + cells.column() + "' in " + source + " holds whole numbers, which "
                            + "can be periods or years, not " + f.label() + " times");
                }
                return new TimeAxis(f, form, 0, 1, 1, false);
            }
            case QUARTER, MONTH -> {
                Frequency natural = form == TimeForm.QUARTER ? Frequency.QUARTERLY : Frequency.MONTHLY;
                if (given != null && given != natural) {
                    throw new DataException("time column '" + cells.column() + "' in " + source + " holds "
                            + natural.label() + " times, but the frequency given is " + given.label());
                }
                return new TimeAxis(natural, form, 0, 1, 1, false);
            }
            default -> {
                Frequency f = given == null ? infer(cells, series, source) : given;
                if (f == Frequency.PERIODS) {
                    throw new DataException("time column '" + cells.column() + "' in " + source + " holds dates; give a "
                            + "calendar or clock frequency, not periods");
                }
                return withAnchor(f, cells, series);
            }
        }
    }

    private static TimeAxis withAnchor(Frequency f, TimeCells cells, List<int[]> series) {
        long[] raw = cells.raw();
        boolean[] missing = cells.missing();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        boolean allMonthEnds = true;
        for (int[] rows : series) {
            for (int r : rows) {
                if (missing[r]) {
                    continue;
                }
                first = Math.min(first, raw[r]);
                last = Math.max(last, raw[r]);
                LocalDate d = date(raw[r]);
                if (d.getDayOfMonth() != d.lengthOfMonth()) {
                    allMonthEnds = false;
                }
            }
        }
        if (first == Long.MAX_VALUE) {
            first = 0;
            last = 0;
        }
        LocalDate anchor = date(last);
        long grid = f.seconds() > 0 ? Math.floorMod(first, f.seconds()) : 0;
        return new TimeAxis(f, cells.form(), grid, anchor.getMonthValue(), anchor.getDayOfMonth(), allMonthEnds);
    }

    private static LocalDate date(long seconds) {
        return LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
    }

    /** The frequency whose step is the most common step between consecutive times of a series. */
    private static Frequency infer(TimeCells cells, List<int[]> series, String source) {
        long[] raw = cells.raw();
        boolean[] missing = cells.missing();
        List<Long> steps = new ArrayList<>();
        for (int[] rows : series) {
            long[] times = Arrays.stream(rows).filter(r -> !missing[r]).mapToLong(r -> raw[r]).sorted().toArray();
            for (int i = 1; i < times.length && steps.size() < 100_000; i++) {
                if (times[i] > times[i - 1]) {
                    steps.add(times[i] - times[i - 1]);
                }
            }
        }
        if (steps.isEmpty()) {
            throw new DataException("time column '" + cells.column() + "' in " + source + ": no series has two different "
                    + "times, so the frequency cannot be inferred; give it (forecast.frequency)");
        }
        // the most frequent step (the smaller on a tie): a gap makes a step of two periods, which must not win
        java.util.TreeMap<Long, Integer> counts = new java.util.TreeMap<>();
        steps.forEach(v -> counts.merge(v, 1, Integer::sum));
        long median = counts.firstKey();
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            if (e.getValue() > counts.get(median)) {
                median = e.getKey();
            }
        }
        double days = median / 86_400.0;
        if (days >= 360 && days <= 367) {
            return Frequency.YEARLY;
        }
        if (days >= 89 && days <= 93) {
            return Frequency.QUARTERLY;
        }
        if (days >= 28 && days <= 31) {
            return Frequency.MONTHLY;
        }
        for (Frequency f : new Frequency[]{Frequency.WEEKLY, Frequency.DAILY, Frequency.HOURLY, Frequency.HALF_HOURLY,
                Frequency.QUARTER_HOURLY, Frequency.MINUTELY}) {
            if (median == f.seconds()) {
                return f;
            }
        }
        throw new DataException("time column '" + cells.column() + "' in " + source + ": the most common step between "
                + "consecutive times of a series is " + median + " seconds, which is not a year, quarter, month, week, day, "
                + "hour, 30, 15 or 1 minutes; give the frequency (forecast.frequency) or use whole-number periods");
    }

    /**
     * What a saved model needs to rebuild this axis with {@link #restore}: frequency, form and anchors.
     *
     * @return the fields, by name
     */
    public Map<String, Object> describe() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("frequency", frequency.label());
        out.put("form", form.name().toLowerCase(java.util.Locale.ROOT));
        out.put("grid", grid);
        out.put("anchor_month", anchorMonth);
        out.put("anchor_day", anchorDay);
        out.put("month_ends", monthEnds);
        return out;
    }

    /**
     * The axis {@link #describe()} described.
     *
     * @param fields what {@link #describe()} returned
     * @return the axis
     * @throws IllegalArgumentException if a field is missing or not of its kind
     */
    public static TimeAxis restore(Map<String, Object> fields) {
        try {
            return new TimeAxis(Frequency.parse((String) fields.get("frequency")),
                    TimeForm.valueOf(((String) fields.get("form")).toUpperCase(java.util.Locale.ROOT)),
                    ((Number) fields.get("grid")).longValue(), ((Number) fields.get("anchor_month")).intValue(),
                    ((Number) fields.get("anchor_day")).intValue(), (Boolean) fields.get("month_ends"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("time axis " + fields + " is not complete: " + e, e);
        }
    }

    /**
     * This axis, after checking that {@code cells} are written in its form (a model fitted on months reads months).
     *
     * @param cells  a time column's cells
     * @param source where they came from, for messages
     * @return this axis
     * @throws DataException if the forms differ in a way the axis cannot read
     */
    TimeAxis checkForm(TimeCells cells, String source) {
        boolean dates = form == TimeForm.DATE || form == TimeForm.DATE_TIME;
        boolean cellDates = cells.form() == TimeForm.DATE || cells.form() == TimeForm.DATE_TIME;
        if (dates != cellDates || (!dates && cells.form() != form)) {
            throw new DataException("time column '" + cells.column() + "' in " + source + " holds " + describeForm(cells.form())
                    + ", but the model was fitted on " + describeForm(form));
        }
        return this;
    }

    private static String describeForm(TimeForm f) {
        return switch (f) {
            case INTEGER -> "whole-number periods";
            case QUARTER -> "quarters (1990-Q1)";
            case MONTH -> "months (1990-01)";
            default -> "dates";
        };
    }

    /**
     * The frequency.
     *
     * @return the given or inferred frequency
     */
    public Frequency frequency() {
        return frequency;
    }

    /**
     * How the column writes times.
     *
     * @return the form
     */
    public TimeForm form() {
        return form;
    }

    /**
     * The period number of a cell.
     *
     * @param raw the cell as {@link TimeCells} read it
     * @return the period number; consecutive periods differ by 1
     * @throws IllegalArgumentException if the time is off the grid of a fixed frequency (the caller names the row)
     */
    public long period(long raw) {
        switch (form) {
            case INTEGER, QUARTER, MONTH -> {
                return raw;
            }
            default -> {
                LocalDate d = date(raw);
                switch (frequency) {
                    case YEARLY -> {
                        return d.getYear();
                    }
                    case QUARTERLY -> {
                        return d.getYear() * 4L + (d.getMonthValue() - 1) / 3;
                    }
                    case MONTHLY -> {
                        return d.getYear() * 12L + d.getMonthValue() - 1;
                    }
                    default -> {
                        long step = frequency.seconds();
                        if (Math.floorMod(raw - grid, step) != 0) {
                            throw new IllegalArgumentException("not on the " + frequency.label() + " grid of the column's "
                                    + "first time");
                        }
                        return Math.floorDiv(raw - grid, step);
                    }
                }
            }
        }
    }

    /**
     * The label of a period, written as the column writes times: {@code 7}, {@code 1991-Q3}, {@code 1991-07},
     * {@code 1991-07-31}, {@code 1991-07-31T08:00}. Calendar periods of a date column take the day of month of the
     * column's latest date (month ends stay month ends).
     *
     * @param period a period number
     * @return the label
     */
    public String label(long period) {
        switch (form) {
            case INTEGER -> {
                return Long.toString(period);
            }
            case QUARTER -> {
                return Math.floorDiv(period, 4) + "-Q" + (Math.floorMod(period, 4) + 1);
            }
            case MONTH -> {
                return String.format(java.util.Locale.ROOT, "%04d-%02d", Math.floorDiv(period, 12), Math.floorMod(period, 12) + 1);
            }
            default -> {
                LocalDate d;
                switch (frequency) {
                    case YEARLY -> d = onDay(Math.toIntExact(period), anchorMonth);
                    case QUARTERLY -> d = onDay(Math.toIntExact(Math.floorDiv(period, 4)), Math.floorMod(period, 4) * 3
                            + ((anchorMonth - 1) % 3) + 1);
                    case MONTHLY -> d = onDay(Math.toIntExact(Math.floorDiv(period, 12)), Math.floorMod(period, 12) + 1);
                    default -> {
                        long seconds = grid + period * frequency.seconds();
                        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
                        return form == TimeForm.DATE ? t.toLocalDate().toString() : t.toString();
                    }
                }
                return d.toString();
            }
        }
    }

    private LocalDate onDay(int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        return monthEnds ? first.withDayOfMonth(first.lengthOfMonth())
                : first.withDayOfMonth(Math.min(anchorDay, first.lengthOfMonth()));
    }
}
