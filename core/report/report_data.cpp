#include "core/report/report_data.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

QString longDate(const QDate& d)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(d, u"d MMMM yyyy"_s);
}

} // namespace

QString QuarterlyReport::quarterText() const
{
    return quarter.code() + u" ("_s + longDate(quarterStart) + u" to "_s + longDate(quarterEnd) +
           u')';
}

QString QuarterlyReport::footer() const
{
    return programCode + u' ' + quarter.code() + u" \u00b7 as of "_s + asOf.toString(Qt::ISODate) +
           u" \u00b7 fingerprint "_s + fingerprint;
}

} // namespace dli
