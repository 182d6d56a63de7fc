#pragma once

#include "portalerror.h"

#include <QRandomGenerator>

namespace ListingDesk {

/// When to try a failed request again. Transient errors back off
/// exponentially with jitter (so that many clients that failed together do not
/// return together), never sooner than the portal's Retry-After; other kinds
/// are not retried, and neither is anything after maxAttempts.
struct RetryPolicy
{
    int baseDelayMs = 2000;
    int maxDelayMs = 5 * 60 * 1000;
    int maxAttempts = 8;

    /// Whether a job that failed with \a error on its \a attempt-th try
    /// (1 for the first) gets another one.
    bool shouldRetry(const PortalError &error, int attempt) const;
    /// The wait before the next attempt after the \a attempt-th try failed:
    /// half the exponential step plus a random part of the other half,
    /// raised to Retry-After when the portal asked for longer.
    int delayMs(const PortalError &error, int attempt, QRandomGenerator &random) const;
};

} // namespace ListingDesk
