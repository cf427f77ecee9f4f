/**
 * Seasonality tests and decompositions that the simple forecasters (Naive2, Theta) apply before forecasting a
 * seasonally adjusted series and reseasonalising its forecasts.
 */
package automl4j.forecast.decompose;
