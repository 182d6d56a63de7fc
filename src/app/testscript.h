#pragma once

class QWidget;

namespace ListingDesk {

/// TEST-ONLY HOOK for tests/gui/tst_crashrecovery. When the environment
/// variable LISTINGDESK_TEST_SCRIPT names a file, the app "types" into the
/// article field of \a window (the QTextEdit named bodyTextEdit, once a
/// listing is shown) on a timer, so that a test can kill the real process
/// mid-edit. A test cannot send key events into another process; this is the
/// smallest stand-in. Lines of the file:
///     type TEXT   append TEXT at the end of the article, then print "typed N"
///                 (N chunks so far) on stdout
///     wait MS     pause MS milliseconds before the next line
/// Consecutive lines are 100 ms apart; "done" is printed after the last.
/// Does nothing (returns false) when the variable is not set.
bool startTestScript(QWidget *window);

} // namespace ListingDesk
