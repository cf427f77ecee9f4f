# Reference fixtures for the ARIMA tests: what R's forecast package (8.20) decides and estimates on a fixed sample of
# series of the forecasting pack. The Java tests read the output and never need R.
#
# Run from the repository root (R with the forecast and urca packages):
#   nice -n 10 Rscript forecasting/src/test/r/arima-fixtures.R
# Writes forecasting/src/test/resources/automl4j/forecast/arima/arima-fixtures.csv, one row per series:
#   collection, series_id, m, n, h: the series (its training part) and the horizon
#   ndiffs: ndiffs(x) (KPSS, alpha 0.05); nsdiffs: nsdiffs(x) (seasonal strength > 0.64), NA when m = 1
#   strength: the seasonal strength of mstl(x) (NA when m = 1 or no seasonal component)
#   kpss: the KPSS level statistic of x with trunc(3 sqrt(n) / 13) lags (urca::ur.kpss)
#   ndiffs_sd: ndiffs of x after nsdiffs seasonal differences (the d auto.arima uses)
#   p,d,q,P,D,Q,constant: auto.arima(x)'s order; constant = 1 when it has a mean or a drift
#   coef: the coefficients, name=value joined by ';' (ar1, ma1, sar1, sma1, intercept, drift)
#   sigma2, loglik, aicc: of the chosen model; forecast: its h point forecasts joined by ';'
#   fitted_head: its first 3 fitted values joined by ';'; seconds: the time auto.arima took
suppressPackageStartupMessages({ library(forecast); library(urca) })

pack <- file.path("..", "shared", "datasets", "forecasting")
if (!dir.exists(pack)) pack <- file.path("shared", "datasets", "forecasting")
out <- file.path("forecasting", "src", "test", "resources", "automl4j", "forecast", "arima", "arima-fixtures.csv")

# A fixed sample: every k-th series of each collection in file order, so that ~60 series cover all seven.
take <- c("m3-yearly" = 9, "m3-quarterly" = 9, "m3-monthly" = 9, "m3-other" = 8,
          "tourism-yearly" = 9, "tourism-quarterly" = 8, "tourism-monthly" = 8)
manifest <- list(
  "m3-yearly" = c(1, 6), "m3-quarterly" = c(4, 8), "m3-monthly" = c(12, 18), "m3-other" = c(1, 8),
  "tourism-yearly" = c(1, 4), "tourism-quarterly" = c(4, 8), "tourism-monthly" = c(12, 24))

num <- function(v) paste(formatC(v, digits = 15, format = "g"), collapse = ";")
strength <- function(x, m) {
  if (m <= 1 || length(x) <= 2 * m) return(NA_real_)
  d <- mstl(x)
  if (!("Seasonal" %in% substr(colnames(d), 1, 8))) return(NA_real_)
  s <- d[, grep("^Seasonal", colnames(d))[1]]; r <- d[, "Remainder"]
  max(0, min(1, 1 - var(r) / var(r + s)))
}

rows <- list()
for (coll in names(take)) {
  m <- manifest[[coll]][1]; h <- manifest[[coll]][2]
  d <- read.csv(file.path(pack, paste0(coll, ".csv")), colClasses = c("character", "integer", "character", "numeric",
                                                                       "character"))
  ids <- unique(d$series_id)
  step <- floor(length(ids) / take[[coll]])
  for (id in ids[seq(1, by = step, length.out = take[[coll]])]) {
    r <- d[d$series_id == id & d$split == "train", ]
    x <- ts(r$value[order(r$t)], frequency = m)
    n <- length(x)
    nsd <- if (m > 1) nsdiffs(x) else NA_integer_
    xs <- if (!is.na(nsd) && nsd > 0) diff(x, lag = m, differences = nsd) else x
    kp <- ur.kpss(as.numeric(x), type = "mu", use.lag = trunc(3 * sqrt(n) / 13))@teststat
    t0 <- proc.time()[["elapsed"]]
    fit <- auto.arima(x)
    secs <- proc.time()[["elapsed"]] - t0
    o <- arimaorder(fit)
    cf <- coef(fit)
    rows[[length(rows) + 1]] <- data.frame(
      collection = coll, series_id = id, m = m, n = n, h = h,
      ndiffs = ndiffs(x), nsdiffs = nsd, strength = strength(x, m), kpss = kp, ndiffs_sd = ndiffs(xs),
      p = o[["p"]], d = o[["d"]], q = o[["q"]],
      P = if (length(o) > 3) o[["P"]] else 0, D = if (length(o) > 3) o[["D"]] else 0,
      Q = if (length(o) > 3) o[["Q"]] else 0,
      constant = as.integer(any(names(cf) %in% c("intercept", "drift"))),
      coef = if (length(cf) == 0) "" else paste(names(cf), formatC(cf, digits = 15, format = "g"), sep = "=",
                                                collapse = ";"),
      sigma2 = fit$sigma2, loglik = fit$loglik, aicc = fit$aicc,
      forecast = num(forecast(fit, h = h)$mean), fitted_head = num(head(fitted(fit), 3)), seconds = secs)
    cat(coll, id, paste(o, collapse = ","), round(secs, 2), "\n")
  }
}
res <- do.call(rbind, rows)
write.csv(res, out, row.names = FALSE, quote = TRUE)
cat("wrote", nrow(res), "rows to", out, "\n")
