#include "synclog.h"
Q_LOGGING_CATEGORY(lcSync, "ld.sync", QtWarningMsg)
