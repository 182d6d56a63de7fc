#include "sensitivewordlist.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSettings>
#include <QStringDecoder>

namespace ListingDesk {

namespace {
QSettings settings()
{
    // Named explicitly so that tools and tests without an application name
    // still read the user's list.
    return QSettings(QStringLiteral("ListingDesk"), QStringLiteral("ListingDesk"));
}

QString foldedKey(const QString &word)
{
    QString key = word;
    for (QChar &c : key)
        c = QChar(SensitiveWordMatcher::fold(c.unicode()));
    return key;
}

QStringList merged(const QStringList &first, const QStringList &second)
{
    QStringList words = first;
    words.append(second);
    return SensitiveWordList::parse(words.join(QLatin1Char('\n')));
}
} // namespace

QStringList SensitiveWordList::parse(QStringView text)
{
    QStringList words;
    QSet<QString> seen;
    for (QStringView line : text.split(u'\n')) {
        const QStringView word = line.trimmed();
        if (word.isEmpty() || word.startsWith(u'#'))
            continue;
        const QString value = word.toString();
        const QString key = foldedKey(value);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        words << value;
    }
    return words;
}

void SensitiveWordList::setWords(const QStringList &words)
{
    m_words = parse(words.join(QLatin1Char('\n')));
}

void SensitiveWordList::load()
{
    setWords(settings().value(QLatin1String(settingsKey)).toStringList());
}

void SensitiveWordList::save() const
{
    auto s = settings();
    s.setValue(QLatin1String(settingsKey), m_words);
    s.sync();
}

Result<int> SensitiveWordList::importFile(const QString &path)
{
    const auto fail = [&path](const QString &why) {
        return makeError(
            Error::Kind::Io,
            QCoreApplication::translate("SensitiveWordList", "Cannot import words from %1: %2")
                .arg(QFileInfo(path).fileName(), why));
    };
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return fail(QCoreApplication::translate("SensitiveWordList", "there is no such file."));
    if (file.size() > maxFileSize)
        return fail(
            QCoreApplication::translate(
                "SensitiveWordList", "the file is larger than %1 MB; a word list is much smaller.")
                .arg(maxFileSize / (1024 * 1024)));
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    const QByteArray bytes = file.readAll();
    if (bytes.contains('\0'))
        return fail(QCoreApplication::translate(
            "SensitiveWordList", "it is not a text file (save the list as UTF-8 text)."));
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return fail(QCoreApplication::translate(
            "SensitiveWordList", "it is not UTF-8 text (GBK files must be saved as UTF-8 first)."));
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const QStringList before = m_words;
    m_words = merged(m_words, parse(text));
    return int(m_words.size() - before.size());
}

std::shared_ptr<const SensitiveWordMatcher> SensitiveWordList::makeMatcher() const
{
    return std::make_shared<const SensitiveWordMatcher>(m_words);
}

} // namespace ListingDesk
