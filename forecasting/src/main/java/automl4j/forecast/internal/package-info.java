/** Helpers shared by the forecasting module's packages; not API, may change in any release. */
package automl4j.forecast.internal;
