#include "storagelog.h"
Q_LOGGING_CATEGORY(lcStorage, "ld.storage", QtWarningMsg)
