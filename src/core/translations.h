#pragma once

#include <QString>
#include <QStringList>

namespace ListingDesk {

/// Languages the user interface ships in ("en" is the source language).
QStringList availableLanguages();

/// Installs ListingDesk's and Qt's own translations into the running
/// application. \a language is "en", "zh_CN" or empty for the system locale.
/// Returns false (and installs nothing) for a language we do not ship.
bool installTranslations(const QString &language);

} // namespace ListingDesk
