package automl4j.serving;

import java.util.List;

/**
 * One path the server answers, by method and template; {@link #ALL} is the list {@code openapi.yaml} must describe.
 *
 * @param open true for the probes, which answer without an API key so that an orchestrator needs none
 */
record Route(String method, String template, boolean open) {
    static final Route HEALTH = new Route("GET", "/health", true);
    static final Route READY = new Route("GET", "/ready", true);
    static final Route SCHEMA = new Route("GET", "/schema", false);
    static final Route METADATA = new Route("GET", "/metadata", false);
    static final Route METRICS = new Route("GET", "/metrics", false);
    static final Route OPENAPI = new Route("GET", "/openapi.yaml", false);
    static final Route PREDICT = new Route("POST", "/predict", false);
    static final Route NAMED_PREDICT = new Route("POST", "/models/{name}/predict", false);

    /** Every route, each path once. */
    static final List<Route> ALL = List.of(HEALTH, READY, SCHEMA, METADATA, METRICS, OPENAPI, PREDICT, NAMED_PREDICT);

    private static final String MODELS = "/models/";
    private static final String PREDICT_SUFFIX = "/predict";

    /** The route whose template matches {@code path}, whatever the method, or null. */
    static Route match(String path) {
        if (path == null) {
            return null;
        }
        for (Route r : ALL) {
            if (r.template.equals(path)) {
                return r;
            }
        }
        return modelName(path) != null ? NAMED_PREDICT : null;
    }

    /** The {@code {name}} of a {@code /models/{name}/predict} path, or null for another path. */
    static String modelName(String path) {
        if (path.startsWith(MODELS) && path.endsWith(PREDICT_SUFFIX) && path.length() > MODELS.length() + PREDICT_SUFFIX.length()) {
            String name = path.substring(MODELS.length(), path.length() - PREDICT_SUFFIX.length());
            return name.indexOf('/') < 0 ? name : null;
        }
        return null;
    }
}
