#include "regionrepository.h"

#include "sqlstatement.h"

#include <QCoreApplication>

namespace ListingDesk {

Result<void> RegionRepository::load()
{
    if (m_loaded)
        return {};
    SqlStatement query(m_db, QStringLiteral("SELECT code, coalesce(parent_code, ''), level, name, "
                                            "short_name, pinyin, initials FROM regions "
                                            "ORDER BY code"));
    if (auto done = query.exec(); !done)
        return done;
    while (query.next()) {
        Region region{query.value(0).toString(), query.value(1).toString(),
                      query.value(2).toInt(),    query.value(3).toString(),
                      query.value(4).toString(), query.value(5).toString(),
                      query.value(6).toString()};
        m_indexByCode.insert(region.code, int(m_regions.size()));
        m_regions << region;
    }
    m_loaded = true;
    return {};
}

Result<QList<Region>> RegionRepository::all()
{
    if (auto done = load(); !done)
        return done.error();
    return m_regions;
}

std::optional<Region> RegionRepository::byCode(const QString &code)
{
    if (!load().ok())
        return std::nullopt;
    const int index = m_indexByCode.value(code, -1);
    if (index < 0)
        return std::nullopt;
    return m_regions.at(index);
}

std::optional<Region> RegionRepository::provinceOf(const QString &code)
{
    std::optional<Region> region = byCode(code);
    while (region && !region->parentCode.isEmpty())
        region = byCode(region->parentCode);
    return region;
}

QString RegionRepository::displayName(const QString &code)
{
    const std::optional<Region> region = byCode(code);
    if (!region)
        return code;
    const std::optional<Region> province = provinceOf(code);
    // 北京 rather than "北京 · 北京": a municipality is its own province.
    if (!province || province->code == region->code || province->shortName == region->shortName)
        return region->shortName;
    return region->shortName + QStringLiteral(" · ") + province->shortName;
}

Result<QString> RegionRepository::resolve(const QString &reference)
{
    if (auto done = load(); !done)
        return done.error();
    const QString wanted = reference.trimmed();
    auto notProvince = [this](const QString &code) -> Result<QString> {
        const std::optional<Region> region = byCode(code);
        if (region && region->level == 1)
            return makeError(Error::Kind::Data,
                             QCoreApplication::translate("RegionRepository",
                                                         "%1 (%2) is a province; list its cities "
                                                         "instead")
                                 .arg(code, region->shortName));
        return code;
    };
    if (m_indexByCode.contains(wanted))
        return notProvince(wanted);
    QStringList matches;
    for (const Region &region : std::as_const(m_regions)) {
        if (region.name == wanted || region.shortName == wanted)
            matches << region.code;
    }
    // A municipality is both a province and its own city (北京市 110000 and
    // 110100); listings target the city.
    if (matches.size() == 2 && byCode(matches.at(1))->parentCode == matches.at(0))
        matches.removeFirst();
    if (matches.size() == 1)
        return notProvince(matches.first());
    if (matches.isEmpty())
        return makeError(Error::Kind::NotFound,
                         QCoreApplication::translate("RegionRepository",
                                                     "unknown city \"%1\"; use a GB/T 2260 code "
                                                     "such as 140400 or an exact city name")
                             .arg(wanted));
    QStringList described;
    for (const QString &code : std::as_const(matches))
        described << QStringLiteral("%1 (%2)").arg(code, displayName(code));
    return makeError(Error::Kind::Data,
                     QCoreApplication::translate("RegionRepository",
                                                 "the city name \"%1\" is ambiguous; use one of "
                                                 "the codes %2")
                         .arg(wanted, described.join(QLatin1String(", "))));
}

} // namespace ListingDesk
