#include "interchange.h"

#include "csv.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUuid>

#include <cmath>

namespace ListingDesk {

namespace {

Error fieldError(const QString &location, const QString &field, const QString &problem)
{
    return makeError(Error::Kind::Data,
                     QCoreApplication::translate("Interchange", "%1, field \"%2\": %3")
                         .arg(location, field, problem));
}

// Both formats share these checks, so JSON and CSV reject the same things with
// the same words.
constexpr double maxPrice = 999999999.0;

std::optional<Error> checkRecord(const ListingRecord &record)
{
    if (!record.uuid.isEmpty() && QUuid::fromString(record.uuid).isNull())
        return fieldError(
            record.location, QStringLiteral("uuid"),
            QCoreApplication::translate("Interchange", "\"%1\" is not a UUID").arg(record.uuid));
    if (record.title.trimmed().isEmpty())
        return fieldError(record.location, QStringLiteral("title"),
                          QCoreApplication::translate("Interchange", "the title is empty"));
    if (record.categoryPath.trimmed().isEmpty())
        return fieldError(
            record.location, QStringLiteral("category"),
            QCoreApplication::translate("Interchange",
                                        "the category is empty; write its path, e.g. 房产/租房"));
    if (record.cities.isEmpty())
        return fieldError(
            record.location, QStringLiteral("cities"),
            QCoreApplication::translate(
                "Interchange", "no city is given; write at least one GB/T 2260 code, e.g. 140400"));
    if (record.price && (!std::isfinite(*record.price) || *record.price < 0))
        return fieldError(record.location, QStringLiteral("price"),
                          QCoreApplication::translate(
                              "Interchange", "the price must be a number of zero or more"));
    // The form edits prices up to 999,999,999 yuan; a larger one is a typo.
    if (record.price && *record.price > maxPrice)
        return fieldError(record.location, QStringLiteral("price"),
                          QCoreApplication::translate("Interchange", "the price is larger than "
                                                                     "999,999,999"));
    return std::nullopt;
}

QDateTime parseTimestamp(const QString &text)
{
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(text, Qt::ISODate);
    return when;
}

std::optional<Error> readExpiry(ListingRecord &record, const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    record.expiresAt = parseTimestamp(text);
    if (!record.expiresAt.isValid())
        return fieldError(record.location, QStringLiteral("expires_at"),
                          QCoreApplication::translate(
                              "Interchange", "\"%1\" is not an ISO 8601 date and time, e.g. "
                                             "2026-12-31T00:00:00+08:00")
                              .arg(text));
    return std::nullopt;
}

std::optional<Error> readStatus(ListingRecord &record, const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    ListingStatus status;
    if (!statusFromKey(text, &status))
        return fieldError(
            record.location, QStringLiteral("status"),
            QCoreApplication::translate("Interchange", "\"%1\" is not a status; use draft or ready")
                .arg(text));
    record.status = status;
    return std::nullopt;
}

Result<ListingRecord> recordFromJson(const QJsonValue &value, int index)
{
    ListingRecord record;
    record.location = QCoreApplication::translate("Interchange", "record %1").arg(index + 1);
    if (!value.isObject())
        return makeError(Error::Kind::Data,
                         QCoreApplication::translate("Interchange", "%1: not a JSON object")
                             .arg(record.location));
    const QJsonObject object = value.toObject();

    static const QStringList known{
        QStringLiteral("uuid"),    QStringLiteral("title"),      QStringLiteral("category"),
        QStringLiteral("cities"),  QStringLiteral("body_html"),  QStringLiteral("price"),
        QStringLiteral("contact"), QStringLiteral("expires_at"), QStringLiteral("promoted"),
        QStringLiteral("status"),  QStringLiteral("created_at"), QStringLiteral("updated_at")};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return fieldError(record.location, it.key(),
                              QCoreApplication::translate("Interchange", "unknown field"));
    }

    auto stringField = [&](const QString &name, QString *out,
                           bool required) -> std::optional<Error> {
        const QJsonValue field = object.value(name);
        if (field.isUndefined() || field.isNull()) {
            if (required)
                return fieldError(record.location, name,
                                  QCoreApplication::translate("Interchange", "missing"));
            return std::nullopt;
        }
        if (!field.isString())
            return fieldError(record.location, name,
                              QCoreApplication::translate("Interchange", "must be a string"));
        *out = field.toString();
        return std::nullopt;
    };

    QString expires, status;
    for (auto error : {stringField(QStringLiteral("uuid"), &record.uuid, false),
                       stringField(QStringLiteral("title"), &record.title, true),
                       stringField(QStringLiteral("category"), &record.categoryPath, true),
                       stringField(QStringLiteral("body_html"), &record.bodyHtml, true),
                       stringField(QStringLiteral("expires_at"), &expires, false),
                       stringField(QStringLiteral("status"), &status, false)}) {
        if (error)
            return *error;
    }

    const QJsonValue cities = object.value(QStringLiteral("cities"));
    if (!cities.isArray())
        return fieldError(
            record.location, QStringLiteral("cities"),
            cities.isUndefined()
                ? QCoreApplication::translate("Interchange", "missing")
                : QCoreApplication::translate("Interchange", "must be an array of city codes"));
    for (const QJsonValue &city : cities.toArray()) {
        if (!city.isString() || city.toString().trimmed().isEmpty())
            return fieldError(
                record.location, QStringLiteral("cities"),
                QCoreApplication::translate(
                    "Interchange", "every city must be a non-empty string, e.g. \"140400\""));
        record.cities << city.toString().trimmed();
    }

    const QJsonValue price = object.value(QStringLiteral("price"));
    if (!price.isUndefined() && !price.isNull()) {
        if (!price.isDouble())
            return fieldError(record.location, QStringLiteral("price"),
                              QCoreApplication::translate("Interchange", "must be a number"));
        record.price = price.toDouble();
    }

    const QJsonValue contact = object.value(QStringLiteral("contact"));
    if (!contact.isUndefined() && !contact.isNull()) {
        if (!contact.isObject())
            return fieldError(record.location, QStringLiteral("contact"),
                              QCoreApplication::translate(
                                  "Interchange", "must be an object with name, phone and wechat"));
        const QJsonObject c = contact.toObject();
        for (auto it = c.begin(); it != c.end(); ++it) {
            const QString field = QStringLiteral("contact.") + it.key();
            if (it.key() != QLatin1String("name") && it.key() != QLatin1String("phone") &&
                it.key() != QLatin1String("wechat"))
                return fieldError(record.location, field,
                                  QCoreApplication::translate("Interchange", "unknown field"));
            if (!it.value().isString() && !it.value().isNull())
                return fieldError(record.location, field,
                                  QCoreApplication::translate("Interchange", "must be a string"));
        }
        record.contact.name = c.value(QStringLiteral("name")).toString();
        record.contact.phone = c.value(QStringLiteral("phone")).toString();
        record.contact.wechat = c.value(QStringLiteral("wechat")).toString();
    }

    const QJsonValue promoted = object.value(QStringLiteral("promoted"));
    if (!promoted.isUndefined() && !promoted.isNull()) {
        if (!promoted.isBool())
            return fieldError(record.location, QStringLiteral("promoted"),
                              QCoreApplication::translate("Interchange", "must be true or false"));
        record.promoted = promoted.toBool();
    }

    if (auto error = readExpiry(record, expires))
        return *error;
    if (auto error = readStatus(record, status))
        return *error;
    if (auto error = checkRecord(record))
        return *error;
    return record;
}

Result<QList<ListingRecord>> parseJson(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Turn the byte offset into a line number: that is what an editor shows.
        const int line = int(data.left(parseError.offset).count('\n')) + 1;
        return makeError(Error::Kind::Data,
                         QCoreApplication::translate("Interchange", "line %1: not valid JSON (%2)")
                             .arg(line)
                             .arg(parseError.errorString()));
    }
    if (!document.isArray())
        return makeError(Error::Kind::Data,
                         QCoreApplication::translate(
                             "Interchange", "the file must hold a JSON array of listing objects"));
    QList<ListingRecord> records;
    const QJsonArray array = document.array();
    records.reserve(array.size());
    for (int i = 0; i < array.size(); ++i) {
        auto record = recordFromJson(array.at(i), i);
        if (!record)
            return record.error();
        records << std::move(record).value();
    }
    return records;
}

Result<QList<ListingRecord>> parseCsvRecords(const QByteArray &data)
{
    auto rows = parseCsv(QString::fromUtf8(data));
    if (!rows)
        return rows.error();
    if (rows.value().isEmpty())
        return makeError(Error::Kind::Data,
                         QCoreApplication::translate("Interchange",
                                                     "the file is empty; the first line must name "
                                                     "the columns"));
    const CsvRecord header = rows.value().takeFirst();
    const QStringList known = interchangeCsvColumns();
    QHash<QString, int> column;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed();
        if (!known.contains(name))
            return makeError(
                Error::Kind::Data,
                QCoreApplication::translate("Interchange",
                                            "line %1: unknown column \"%2\"; known columns are %3")
                    .arg(header.line)
                    .arg(name, known.join(QLatin1String(", "))));
        if (column.contains(name))
            return makeError(
                Error::Kind::Data,
                QCoreApplication::translate("Interchange", "line %1: column \"%2\" appears twice")
                    .arg(header.line)
                    .arg(name));
        column.insert(name, i);
    }
    for (const char *required : {"title", "category", "cities", "body_html"}) {
        if (!column.contains(QLatin1String(required)))
            return makeError(Error::Kind::Data,
                             QCoreApplication::translate("Interchange",
                                                         "line %1: the required column \"%2\" is "
                                                         "missing")
                                 .arg(header.line)
                                 .arg(QLatin1String(required)));
    }

    QList<ListingRecord> records;
    records.reserve(rows.value().size());
    for (const CsvRecord &row : std::as_const(rows.value())) {
        ListingRecord record;
        record.location = QCoreApplication::translate("Interchange", "line %1").arg(row.line);
        if (row.fields.size() != header.fields.size())
            return makeError(
                Error::Kind::Data,
                QCoreApplication::translate("Interchange", "%1: %2 fields, but the header has %3")
                    .arg(record.location)
                    .arg(row.fields.size())
                    .arg(header.fields.size()));
        auto value = [&](const char *name) {
            const int index = column.value(QLatin1String(name), -1);
            return index < 0 ? QString() : row.fields.at(index);
        };
        record.uuid = value("uuid").trimmed();
        record.title = value("title");
        record.categoryPath = value("category").trimmed();
        record.bodyHtml = value("body_html");
        const QString cities = value("cities");
        for (const QString &city : cities.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            if (!city.trimmed().isEmpty())
                record.cities << city.trimmed();
        }
        const QString price = value("price").trimmed();
        if (!price.isEmpty()) {
            bool ok = false;
            record.price = price.toDouble(&ok);
            if (!ok)
                return fieldError(
                    record.location, QStringLiteral("price"),
                    QCoreApplication::translate("Interchange", "\"%1\" is not a number")
                        .arg(price));
        }
        record.contact = {value("contact_name"), value("contact_phone"), value("contact_wechat")};
        const QString promoted = value("promoted").trimmed().toLower();
        if (promoted == QLatin1String("true") || promoted == QLatin1String("1") ||
            promoted == QLatin1String("yes"))
            record.promoted = true;
        else if (!promoted.isEmpty() && promoted != QLatin1String("false") &&
                 promoted != QLatin1String("0") && promoted != QLatin1String("no"))
            return fieldError(
                record.location, QStringLiteral("promoted"),
                QCoreApplication::translate("Interchange", "\"%1\" is not true or false")
                    .arg(promoted));
        if (auto error = readExpiry(record, value("expires_at").trimmed()))
            return *error;
        if (auto error = readStatus(record, value("status").trimmed()))
            return *error;
        if (auto error = checkRecord(record))
            return *error;
        records << record;
    }
    return records;
}

QString isoTimestamp(const QDateTime &when)
{
    return when.isValid() ? when.toString(Qt::ISODate) : QString();
}

QString priceText(const std::optional<double> &price)
{
    return price ? QString::number(*price, 'g', 15) : QString();
}

} // namespace

std::optional<InterchangeFormat> interchangeFormatForPath(const QString &path)
{
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return InterchangeFormat::Json;
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return InterchangeFormat::Csv;
    return std::nullopt;
}

Result<QList<ListingRecord>> parseInterchange(const QByteArray &data, InterchangeFormat format)
{
    return format == InterchangeFormat::Json ? parseJson(data) : parseCsvRecords(data);
}

QStringList interchangeCsvColumns()
{
    return {QStringLiteral("uuid"),           QStringLiteral("title"),
            QStringLiteral("category"),       QStringLiteral("cities"),
            QStringLiteral("body_html"),      QStringLiteral("price"),
            QStringLiteral("contact_name"),   QStringLiteral("contact_phone"),
            QStringLiteral("contact_wechat"), QStringLiteral("expires_at"),
            QStringLiteral("promoted"),       QStringLiteral("status"),
            QStringLiteral("created_at"),     QStringLiteral("updated_at")};
}

QJsonObject listingToJson(const Listing &listing)
{
    QJsonObject object{
        {QStringLiteral("uuid"), listing.uuid},
        {QStringLiteral("title"), listing.title},
        {QStringLiteral("category"), listing.categoryPath},
        {QStringLiteral("cities"), QJsonArray::fromStringList(listing.cityCodes)},
        {QStringLiteral("body_html"), listing.bodyHtml},
        {QStringLiteral("promoted"), listing.promoted},
        {QStringLiteral("status"), statusKey(listing.status)},
        {QStringLiteral("created_at"), isoTimestamp(listing.createdAt)},
        {QStringLiteral("updated_at"), isoTimestamp(listing.updatedAt)},
    };
    if (listing.price)
        object.insert(QStringLiteral("price"), *listing.price);
    if (listing.contact != Contact{})
        object.insert(QStringLiteral("contact"),
                      QJsonObject{{QStringLiteral("name"), listing.contact.name},
                                  {QStringLiteral("phone"), listing.contact.phone},
                                  {QStringLiteral("wechat"), listing.contact.wechat}});
    if (listing.expiresAt.isValid())
        object.insert(QStringLiteral("expires_at"), isoTimestamp(listing.expiresAt));
    return object;
}

Listing listingFromJson(const QJsonObject &object)
{
    Listing l;
    l.uuid = object.value(QStringLiteral("uuid")).toString();
    l.title = object.value(QStringLiteral("title")).toString();
    l.categoryPath = object.value(QStringLiteral("category")).toString();
    for (const QJsonValue &city : object.value(QStringLiteral("cities")).toArray())
        l.cityCodes << city.toString();
    l.bodyHtml = object.value(QStringLiteral("body_html")).toString();
    if (object.value(QStringLiteral("price")).isDouble())
        l.price = object.value(QStringLiteral("price")).toDouble();
    const QJsonObject contact = object.value(QStringLiteral("contact")).toObject();
    l.contact = {contact.value(QStringLiteral("name")).toString(),
                 contact.value(QStringLiteral("phone")).toString(),
                 contact.value(QStringLiteral("wechat")).toString()};
    l.expiresAt = parseTimestamp(object.value(QStringLiteral("expires_at")).toString());
    l.promoted = object.value(QStringLiteral("promoted")).toBool();
    statusFromKey(object.value(QStringLiteral("status")).toString(), &l.status);
    l.createdAt = parseTimestamp(object.value(QStringLiteral("created_at")).toString());
    l.updatedAt = parseTimestamp(object.value(QStringLiteral("updated_at")).toString());
    return l;
}

QByteArray writeInterchange(const QList<Listing> &listings, InterchangeFormat format)
{
    if (format == InterchangeFormat::Json) {
        QJsonArray array;
        for (const Listing &listing : listings)
            array.append(listingToJson(listing));
        return QJsonDocument(array).toJson(QJsonDocument::Indented);
    }
    QString out = csvLine(interchangeCsvColumns()) + QLatin1String("\r\n");
    for (const Listing &l : listings) {
        out +=
            csvLine({l.uuid, l.title, l.categoryPath, l.cityCodes.join(QLatin1Char(';')),
                     l.bodyHtml, priceText(l.price), l.contact.name, l.contact.phone,
                     l.contact.wechat, isoTimestamp(l.expiresAt),
                     l.promoted ? QStringLiteral("true") : QStringLiteral("false"),
                     statusKey(l.status), isoTimestamp(l.createdAt), isoTimestamp(l.updatedAt)}) +
            QLatin1String("\r\n");
    }
    return out.toUtf8();
}

} // namespace ListingDesk
