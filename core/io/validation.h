#pragma once

#include "core/engine/rule_engine.h"
#include "core/model/program.h"
#include "core/result.h"

#include <QList>
#include <optional>

namespace dli {

class Session;

// `validate`: the program's validation rules over the figures as reported (register-defined
// indicators from their claims), for every period and org unit in scope, and the built-in
// checks on each stored observation (a count is never negative, a percentage lies in 0..100, a
// yes/no is 0 or 1). Built-in checks look at the figures as entered, not at totals.
class Validation {
public:
    static Result<QList<Violation>> run(Session& session, const Program& program,
                                        const std::optional<Period>& period = {},
                                        const QString& orgUnit = {});
};

} // namespace dli
