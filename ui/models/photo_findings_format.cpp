#include "ui/models/photo_findings_format.h"

#include <QColor>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace dli::ui {

QString PhotoFindingsFormat::kind(const QString& kind)
{
    if (kind == PhotoFinding::NoGps)
        return tr("No GPS");
    if (kind == PhotoFinding::FarFromFirm)
        return tr("Far from the firm");
    if (kind == PhotoFinding::NoFirmLocation)
        return tr("Firm not located");
    if (kind == PhotoFinding::NoTime)
        return tr("No capture time");
    if (kind == PhotoFinding::OutsideVisit)
        return tr("Outside the visit");
    return kind;
}

QString PhotoFindingsFormat::summary(const Evidence& e)
{
    if (!e.findings)
        return {};
    if (e.findings->isEmpty())
        return tr("None");
    QStringList names;
    for (const PhotoFinding& f : *e.findings)
        names << kind(f.kind);
    return names.join(tr(", "));
}

QString PhotoFindingsFormat::tooltip(const Evidence& e)
{
    if (!e.findings)
        return {};
    if (e.findings->isEmpty())
        return tr("Attached during a field visit: the photo's GPS position and capture time agree "
                  "with the firm and the visit.");
    QStringList lines{tr("Attached during a field visit; for the verifier's supervisor:")};
    for (const PhotoFinding& f : *e.findings)
        lines << u"\u2022 "_s + f.message;
    return lines.join(u'\n');
}

QVariant PhotoFindingsFormat::foreground(const Evidence& e)
{
    if (!e.hasFindings())
        return {};
    return QColor(0xa6, 0x5f, 0x00); // as DashboardCard::setAttention
}

} // namespace dli::ui
