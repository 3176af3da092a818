#include "core/model/period.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace dli {

namespace {

int expandYear(const QString& digits)
{
    const int v = digits.toInt();
    return digits.size() == 2 ? 2000 + v : v;
}

Error periodError(const QString& text, const QString& why)
{
    return Error(ErrorCode::InvalidInput, Period::tr("\"%1\" is not a period: %2").arg(text, why));
}

} // namespace

Period Period::year(int fiscalYear)
{
    Period p;
    p.m_fiscalYear = fiscalYear;
    return p;
}

Period Period::quarter(int fiscalYear, int quarter)
{
    Period p;
    p.m_fiscalYear = fiscalYear;
    p.m_quarter = quarter;
    return p;
}

Period Period::containing(QDate date, Kind kind, int startMonth)
{
    const int fy = date.year() + (startMonth != 1 && date.month() >= startMonth ? 1 : 0);
    if (kind == Kind::Year)
        return year(fy);
    const int monthsIn = (date.month() - startMonth + 12) % 12;
    return quarter(fy, monthsIn / 3 + 1);
}

Result<Period> Period::parse(QStringView input, int startMonth)
{
    const QString text = input.toString().simplified();
    static const QRegularExpression fyForm(uR"(^FY\s?(\d{4}|\d{2})(?:\s?-?\s?Q(\d))?$)"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression spanForm(
        uR"(^(\d{4})\s?-\s?(\d{4}|\d{2})(?:\s?-?\s?Q(\d))?$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bareYear(uR"(^\d{4}$)"_s);
    static const QRegularExpression calendarQuarter(
        uR"(^(\d{4}\s?-?\s?Q\d|Q\d\s?-?\s?\d{4}|Q\d)$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression dateForm(uR"(^\d{4}-\d{1,2}-\d{1,2}$)"_s);

    if (text.isEmpty())
        return Error(ErrorCode::InvalidInput, tr("the period is empty; write FY2025 or FY2025-Q1"));

    int fy = 0;
    QString quarterText;
    if (auto m = fyForm.match(text); m.hasMatch()) {
        fy = expandYear(m.captured(1));
        quarterText = m.captured(2);
    } else if (auto s = spanForm.match(text); s.hasMatch()) {
        const int first = s.captured(1).toInt();
        const QString secondText = s.captured(2);
        const int second = secondText.toInt();
        const bool consecutive =
            secondText.size() == 2 ? (first + 1) % 100 == second : second == first + 1;
        if (!consecutive)
            return periodError(text, tr("a fiscal year spans two consecutive calendar years, "
                                        "such as 2024-25"));
        const int secondFull = first + 1;
        if (startMonth == 1)
            return periodError(text, tr("fiscal years here are calendar years, so a year cannot "
                                        "span %1; write FY%2")
                                         .arg(s.captured(1) + u'-' + secondText)
                                         .arg(secondFull));
        fy = secondFull;
        quarterText = s.captured(3);
    } else if (bareYear.match(text).hasMatch()) {
        // A span such as 2024-25 is itself refused when fiscal years are calendar years.
        if (startMonth == 1)
            return periodError(text,
                               tr("ambiguous (calendar or fiscal year?); write FY%1").arg(text));
        return periodError(text, tr("ambiguous (calendar or fiscal year?); write FY%1 or %2-%3")
                                     .arg(text)
                                     .arg(text.toInt() - 1)
                                     .arg(text.right(2)));
    } else if (calendarQuarter.match(text).hasMatch()) {
        return periodError(text, tr("ambiguous (calendar or fiscal quarter?); write a fiscal "
                                    "quarter such as FY2025-Q1"));
    } else if (dateForm.match(text).hasMatch()) {
        return periodError(text, tr("this is a date; write the fiscal year or quarter that holds "
                                    "it, such as FY2025 or FY2025-Q1"));
    } else {
        return periodError(text, tr("write a fiscal year (FY2025) or quarter (FY2025-Q1)"));
    }

    if (fy < MinYear || fy > MaxYear)
        return periodError(text,
                           tr("the year must lie between %1 and %2").arg(MinYear).arg(MaxYear));
    if (quarterText.isEmpty())
        return year(fy);
    const int q = quarterText.toInt();
    if (q < 1 || q > 4)
        return periodError(text, tr("a quarter is Q1 to Q4"));
    return quarter(fy, q);
}

QString Period::code() const
{
    if (!isValid())
        return {};
    QString c = u"FY"_s + QString::number(m_fiscalYear);
    if (m_quarter != 0)
        c += u"-Q"_s + QString::number(m_quarter);
    return c;
}

QString Period::label(int startMonth) const
{
    if (!isValid())
        return {};
    QString y = startMonth == 1 ? QString::number(m_fiscalYear)
                                : QString::number(m_fiscalYear - 1) + u'-' +
                                      QString::number(m_fiscalYear % 100).rightJustified(2, u'0');
    if (m_quarter != 0)
        y += u" Q"_s + QString::number(m_quarter);
    return y;
}

QDate Period::start(int startMonth) const
{
    const QDate yearStart =
        startMonth == 1 ? QDate(m_fiscalYear, 1, 1) : QDate(m_fiscalYear - 1, startMonth, 1);
    return m_quarter == 0 ? yearStart : yearStart.addMonths(3 * (m_quarter - 1));
}

QDate Period::end(int startMonth) const
{
    return start(startMonth).addMonths(m_quarter == 0 ? 12 : 3).addDays(-1);
}

bool Period::containsDate(QDate date, int startMonth) const
{
    return date >= start(startMonth) && date <= end(startMonth);
}

bool Period::contains(const Period& other) const
{
    if (m_fiscalYear != other.m_fiscalYear)
        return false;
    return m_quarter == 0 || m_quarter == other.m_quarter;
}

QList<Period> Period::quarters() const
{
    if (m_quarter != 0)
        return {*this};
    return {quarter(m_fiscalYear, 1), quarter(m_fiscalYear, 2), quarter(m_fiscalYear, 3),
            quarter(m_fiscalYear, 4)};
}

Period Period::next() const
{
    if (m_quarter == 0)
        return year(m_fiscalYear + 1);
    return m_quarter == 4 ? quarter(m_fiscalYear + 1, 1) : quarter(m_fiscalYear, m_quarter + 1);
}

Period Period::previous() const
{
    if (m_quarter == 0)
        return year(m_fiscalYear - 1);
    return m_quarter == 1 ? quarter(m_fiscalYear - 1, 4) : quarter(m_fiscalYear, m_quarter - 1);
}

} // namespace dli
