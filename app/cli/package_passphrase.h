#pragma once

#include "core/result.h"

#include <QByteArray>

namespace dli::cli {

// A package's or return's passphrase, from DLITRACKER_PACKAGE_PASSPHRASE or asked without echo
// (twice, to confirm a new one) (cli_package.cpp).
Result<QByteArray> packagePassphrase(bool confirm);

} // namespace dli::cli
