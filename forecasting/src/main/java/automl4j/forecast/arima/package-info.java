/**
 * Seasonal ARIMA models: exact Gaussian likelihood through a Kalman filter, estimation by CSS then maximum likelihood,
 * and automatic order selection as in Hyndman and Khandakar (2008) ({@link automl4j.forecast.arima.ArimaForecaster}).
 */
package automl4j.forecast.arima;
