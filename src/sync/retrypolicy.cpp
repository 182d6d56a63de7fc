#include "retrypolicy.h"

#include <algorithm>

namespace ListingDesk {

bool RetryPolicy::shouldRetry(const PortalError &error, int attempt) const
{
    return error.kind == PortalError::Kind::Transient && attempt < maxAttempts;
}

int RetryPolicy::delayMs(const PortalError &error, int attempt, QRandomGenerator &random) const
{
    // 2^(attempt-1) steps, computed in 64 bits and capped before it can overflow.
    const int shift = std::clamp(attempt - 1, 0, 30);
    const qint64 step = std::min<qint64>(qint64(baseDelayMs) << shift, maxDelayMs);
    const qint64 half = step / 2;
    qint64 delay = half + (half > 0 ? qint64(random.bounded(quint64(half) + 1)) : 0);
    // Retry-After wins even beyond maxDelayMs (the portal knows its limits),
    // but a day at most: a broken header must not park the queue for ever.
    if (error.retryAfterSeconds >= 0)
        delay = std::max<qint64>(delay, std::min<qint64>(error.retryAfterSeconds, 86400) * 1000);
    return int(delay);
}

} // namespace ListingDesk
