#include "core/result.h"

namespace dli {

QString Error::text() const
{
    QString out = location.isEmpty() ? message : location + QStringLiteral(": ") + message;
    for (const QString& d : details)
        out += u'\n' + d;
    return out;
}

} // namespace dli
