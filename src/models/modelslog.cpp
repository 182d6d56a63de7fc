#include "modelslog.h"
Q_LOGGING_CATEGORY(lcModels, "ld.models", QtWarningMsg)
