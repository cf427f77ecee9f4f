# Reference fixture for ThetaForecasterTest: R forecast's thetaf() per series of the forecasting pack, with the
# simple exponential smoothing inside it written out (alpha, initial level, in-sample MSE), so that the Java test can
# check that its own fit reaches at least as small an MSE and tell optimiser differences from method differences.
#
# Run from the repository root (needs r-base-core and r-cran-forecast 8.20):
#   nice -n 10 Rscript forecasting/src/test/r/theta_fixture.R ../shared/datasets/forecasting \
#       forecasting/src/test/resources/theta/thetaf_fits.csv.gz
# The seasonal adjustment is restated here from thetaf's documentation (lag-m autocorrelation test at 90 % when
# n > 2m, classical multiplicative decomposition); the script stops if the restatement's forecasts differ from
# thetaf's, so the fixture describes what thetaf did.
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
pack <- args[1]; out <- args[2]
collections <- list(c("m3-yearly", 1, 6), c("m3-quarterly", 4, 8), c("m3-monthly", 12, 18), c("m3-other", 1, 8),
                    c("tourism-yearly", 1, 4), c("tourism-quarterly", 4, 8), c("tourism-monthly", 12, 24))
rows <- list()
for (cl in collections) {
  name <- cl[1]; m <- as.integer(cl[2]); h <- as.integer(cl[3])
  d <- read.csv(file.path(pack, paste0(name, ".csv")), colClasses = c("character", "integer", "character", "numeric", "character"))
  d <- d[d$split == "train", ]
  for (id in unique(d$series_id)) {
    r <- d[d$series_id == id, ]
    x <- ts(r$value[order(r$t)], frequency = m)
    n <- length(x)
    seasonal <- FALSE
    if (m > 1 && n > 2 * m) {
      a <- acf(x, lag.max = m, plot = FALSE)$acf[-1, 1, 1]
      seasonal <- abs(a[m]) / sqrt((1 + 2 * sum(a[-m]^2)) / n) > qnorm(0.95)
    }
    xa <- x; si <- rep(1, h)
    if (seasonal) {
      s <- decompose(x, type = "multiplicative")$seasonal
      xa <- x / s; si <- rep(tail(as.numeric(s), m), length.out = h)
    }
    fit <- ets(as.numeric(xa), "ANN", opt.crit = "mse")
    alpha <- unname(fit$par["alpha"]); l0 <- unname(fit$par["l"])
    b <- unname(lm(as.numeric(xa) ~ seq_len(n))$coef[2])
    mine <- (as.numeric(tail(fit$states[, 1], 1)) + b / 2 * (0:(h - 1) + (1 - (1 - alpha)^n) / alpha)) * si
    ref <- as.numeric(thetaf(x, h = h)$mean)
    if (max(abs(mine - ref) / abs(ref)) > 1e-8) stop(name, " ", id, ": restated thetaf differs by ", max(abs(mine - ref)))
    rows[[length(rows) + 1]] <- data.frame(collection = name, series_id = id, seasonal = as.integer(seasonal),
                                          alpha = alpha, initial_level = l0, mse = fit$mse, drift = b / 2)
  }
  cat(name, "done\n")
}
res <- do.call(rbind, rows)
for (k in c("alpha", "initial_level", "mse", "drift")) res[[k]] <- trimws(formatC(res[[k]], digits = 15, format = "g"))
con <- gzfile(out, "w"); write.csv(res, con, row.names = FALSE, quote = FALSE); close(con)
