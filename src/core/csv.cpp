#include "csv.h"

#include <QCoreApplication>

namespace ListingDesk {

Result<QList<CsvRecord>> parseCsv(const QString &input)
{
    QStringView text(input);
    if (text.startsWith(QChar(0xFEFF)))
        text = text.mid(1);

    QList<CsvRecord> records;
    CsvRecord current;
    QString field;
    int line = 1;
    current.line = 1;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    int quoteStartLine = 0;
    const qsizetype size = text.size();

    auto endField = [&] {
        current.fields << field;
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        // A blank line is not a record (and a file may end with one).
        if (!(current.fields.size() == 1 && current.fields.first().isEmpty()))
            records << current;
        current = CsvRecord{};
        current.line = line;
    };

    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text[i];
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < size && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || fieldWasQuoted) {
                return makeError(Error::Kind::Data,
                                 QCoreApplication::translate(
                                     "Csv", "line %1: a quote inside an unquoted field; "
                                            "enclose the whole field in quotes and double the "
                                            "quotes inside it")
                                     .arg(line));
            }
            inQuotes = true;
            fieldWasQuoted = true;
            quoteStartLine = line;
        } else if (c == u',') {
            endField();
        } else if (c == u'\r') {
            // CRLF or a lone CR both end the record.
            if (i + 1 < size && text[i + 1] == u'\n')
                ++i;
            ++line;
            endRecord();
        } else if (c == u'\n') {
            ++line;
            endRecord();
        } else {
            if (fieldWasQuoted) {
                return makeError(Error::Kind::Data,
                                 QCoreApplication::translate(
                                     "Csv", "line %1: text after the closing quote of a field")
                                     .arg(line));
            }
            field += c;
        }
    }
    if (inQuotes) {
        return makeError(Error::Kind::Data, QCoreApplication::translate(
                                                "Csv", "line %1: a quoted field is never closed")
                                                .arg(quoteStartLine));
    }
    if (!field.isEmpty() || !current.fields.isEmpty() || fieldWasQuoted)
        endRecord();
    return records;
}

QString csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields) {
        if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
            field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'))) {
            QString escaped = field;
            escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
            quoted << QLatin1Char('"') + escaped + QLatin1Char('"');
        } else {
            quoted << field;
        }
    }
    return quoted.join(QLatin1Char(','));
}

} // namespace ListingDesk
