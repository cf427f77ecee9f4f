package automl4j.registry;

import java.time.Instant;

/**
 * One entry of a model's history: a version registered, moved between stages or deleted.
 *
 * @param id      its number, increasing over the whole registry (see {@link ModelRegistry#lastChange()})
 * @param name    the model
 * @param version the version
 * @param from    the stage before, or null when the version was just registered
 * @param to      the stage after ({@link Stage#label()}), or {@code deleted}
 * @param at      when
 * @param reason  why: {@code registered}, {@code promoted}, {@code archived by promotion of N}, {@code rollback},
 *                {@code deleted}, ...
 */
public record StageChange(long id, String name, int version, String from, String to, Instant at, String reason) {
    /** The {@link #to} of a deleted version. */
    public static final String DELETED = "deleted";
}
