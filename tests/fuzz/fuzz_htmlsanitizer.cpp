// libFuzzer target for the HTML sanitizer (built with LISTINGDESK_FUZZ=ON, run
// by scripts/fuzz.sh). For any input it must not crash, its output must be a
// fixed point, and an independent re-parse of the output must find nothing
// outside the allowlist. The parity of the input's length picks the options,
// so both modes of the sanitizer are explored from one corpus of plain HTML.
// The paste cleaner (built on the sanitizer) gets the same input and the same
// checks, plus its own stability; the text counter must merely survive it.

#include "htmlsanitizer.h"
#include "pastecleaner.h"
#include "sanitizedhtmlcheck.h"
#include "textstats.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace ListingDesk;

namespace {

[[noreturn]] void fail(const char *what, const QString &input, const QString &output)
{
    // NUL and other control characters are shown escaped so that the
    // message is complete and readable.
    auto printable = [](const QString &text) {
        QString out;
        for (const QChar c : text)
            out += c.unicode() < 0x20 && c != u'\n'
                       ? QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'))
                       : QString(c);
        return out.toUtf8();
    };
    std::fprintf(stderr, "fuzz_htmlsanitizer: %s\ninput:  %s\noutput: %s\n", what,
                 printable(input).constData(), printable(output).constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    HtmlSanitizer::Options options;
    options.keepPresentation = size % 2 == 0;
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    const QString once = HtmlSanitizer::sanitize(input, options);
    const QString twice = HtmlSanitizer::sanitize(once, options);
    if (twice != once)
        fail("output is not a fixed point", input, once + QStringLiteral("\nagain:  ") + twice);
    const QStringList problems = SanitizedHtmlCheck::problemsIn(once, options.keepPresentation);
    if (!problems.isEmpty())
        fail(qPrintable(problems.join(QStringLiteral("; "))), input, once);

    const QString pasted = PasteCleaner::clean(input);
    HtmlSanitizer::Options plain;
    plain.keepPresentation = false;
    if (HtmlSanitizer::sanitize(pasted, plain) != pasted)
        fail("pasted output is not sanitizer-clean", input, pasted);
    const QStringList pasteProblems = SanitizedHtmlCheck::problemsIn(pasted, false);
    if (!pasteProblems.isEmpty())
        fail(qPrintable(pasteProblems.join(QStringLiteral("; "))), input, pasted);
    if (const QString again = PasteCleaner::clean(pasted); again != pasted)
        fail("cleaning pasted output changes it", input,
             pasted + QStringLiteral("\nagain:  ") + again);

    const TextStats stats = TextStats::fromHtml(input);
    if (stats.cjkCharacters > stats.characters || stats.characters > input.size())
        fail("impossible text counts", input, QString::number(stats.characters));
    return 0;
}
