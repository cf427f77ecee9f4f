/**
 * Small SVG charts written as text, every string from the data escaped: points and lines on numeric or category axes
 * ({@link automl4j.report.svg.XyChart}), bars with intervals ({@link automl4j.report.svg.BarChart}), histograms and the
 * SHAP beeswarm. No library and no script: the report stays one file that works offline.
 */
package automl4j.report.svg;
