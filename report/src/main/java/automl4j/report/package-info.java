/**
 * The report of a run: a self-contained HTML page ({@link automl4j.report.HtmlReport}) of everything in
 * {@link automl4j.report.ReportData}, and the computations that fill it from a model and rows: partial dependence and
 * ICE ({@link automl4j.report.PartialDependence}), diagnostics of held-out predictions
 * ({@link automl4j.report.ModelDiagnostics}, {@link automl4j.report.Curves}), the SHAP summary
 * ({@link automl4j.report.ShapSummary}) and the slices where the model errs ({@link automl4j.report.ErrorSlices}).
 * Last step of the data flow: it reads a fitted model ({@code automl4j.AutoMlModel}) and never the search code.
 */
package automl4j.report;
