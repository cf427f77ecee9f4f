package automl4j.scoring;

import java.util.List;
import java.util.Objects;

/**
 * One column a model was fitted on, as its input schema describes it.
 *
 * @param name       the column's name
 * @param kind       what the featurizer took it for: {@code numeric}, {@code categorical}, {@code boolean},
 *                   {@code date}, {@code text}, or a kind it drops ({@code id-like}, {@code constant}, ...; version 1 files write {@code id_like})
 * @param used       true if predictions read it; a row must then hold the key (its value may be null). Unused columns
 *                   may be given and are ignored
 * @param categories for a categorical column encoded with a list of levels, the levels seen in training (other values
 *                   are accepted and treated as the encoder treats unseen ones); empty otherwise
 */
public record InputColumn(String name, String kind, boolean used, List<String> categories) {
    public InputColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        categories = List.copyOf(categories);
    }
}
