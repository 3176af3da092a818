#include "ui/report/report_front_matter.h"

#include "ui/report/report_pager.h"
#include "ui/report/wrapped_text.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

constexpr qreal HeadingSize = 16;

QLocale reportLocale()
{
    // The report's dates read the same on every machine, like quarterText().
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

QString longDate(const QDate& d)
{
    return reportLocale().toString(d, u"d MMMM yyyy"_s);
}

QString utcMoment(const QDateTime& t)
{
    if (!t.isValid())
        return ReportFrontMatter::tr("not recorded");
    return t.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s;
}

// Draws `text` with its top at the pager's position and moves below it.
void place(ReportPager& pager, const WrappedText& text, const QColor& colour, qreal x = -1)
{
    if (QPainter* p = pager.painter()) {
        p->setPen(colour);
        text.draw(p, QPointF(x < 0 ? pager.content().left() : x, pager.y()));
    }
    pager.advance(text.height());
}

struct Detail {
    QString label;
    QString value;
    bool mono = false;
};

} // namespace

void ReportFrontMatter::drawHeading(ReportPager& pager, const QString& text)
{
    const ReportStyle& s = pager.style();
    const WrappedText heading(text, ReportStyle::sans(HeadingSize, true), pager.device(),
                              pager.content().width());
    place(pager, heading, ReportStyle::text());
    pager.advance(s.mm(2.5));
    if (QPainter* p = pager.painter()) {
        p->save();
        p->setPen(QPen(ReportStyle::rule(), s.pt(1)));
        p->drawLine(QPointF(pager.content().left(), pager.y()),
                    QPointF(pager.content().right(), pager.y()));
        p->restore();
    }
    pager.advance(s.mm(7));
}

void ReportFrontMatter::drawCover(ReportPager& pager, const QuarterlyReport& report)
{
    const ReportStyle& s = pager.style();
    const QPaintDevice& device = pager.device();
    const qreal width = pager.content().width();
    const qreal left = pager.content().left();

    // The program, the kind of report and its quarter, from the top.
    place(pager, WrappedText(report.programCode, ReportStyle::sans(11, true), device, width),
          ReportStyle::muted());
    pager.advance(s.mm(2));
    place(pager,
          WrappedText(report.programTitle, ReportStyle::sans(19, true), device, width,
                      Qt::AlignLeft, 1.15),
          ReportStyle::text());
    pager.advance(s.mm(5));
    if (QPainter* p = pager.painter()) {
        p->save();
        p->setPen(QPen(ReportStyle::rule(), s.pt(2)));
        p->drawLine(QPointF(left, pager.y()), QPointF(left + width, pager.y()));
        p->restore();
    }
    pager.advance(s.mm(18));
    place(pager, WrappedText(tr("Quarterly progress report"), ReportStyle::sans(26), device, width),
          ReportStyle::text());
    pager.advance(s.mm(4));
    place(pager, WrappedText(report.quarterText(), ReportStyle::sans(13), device, width),
          ReportStyle::text());
    pager.advance(s.mm(1.5));
    place(pager,
          WrappedText(tr("Data as of %1").arg(longDate(report.asOf)), ReportStyle::sans(13), device,
                      width),
          ReportStyle::text());

    // What identifies this report, at the foot of the cover.
    const QList<Detail> details{
        {tr("As-of date"), longDate(report.asOf)},
        {tr("Data as known at"), utcMoment(report.knownAt)},
        {tr("Prepared by"), report.preparedBy},
        {tr("Generated at"), utcMoment(report.generatedAt)},
        {tr("Audit entries"), reportLocale().toString(report.auditEntries)},
        {tr("Data fingerprint (SHA-256)"), report.fingerprint, true},
        {tr("Audit head hash"),
         report.auditHead.isEmpty() ? tr("none: no audit entry had been recorded by then")
                                    : report.auditHead,
         !report.auditHead.isEmpty()},
    };
    const qreal labelWidth = s.mm(48);
    const qreal valueWidth = width - labelWidth;
    const qreal rowGap = s.mm(2.2);
    QList<std::pair<WrappedText, WrappedText>> rows;
    qreal blockHeight = 0;
    for (const Detail& d : details) {
        WrappedText label(d.label, ReportStyle::sans(8.5), device, labelWidth - s.mm(3));
        WrappedText value(d.value, d.mono ? ReportStyle::mono(8.5) : ReportStyle::sans(9.5), device,
                          valueWidth);
        blockHeight += std::max(label.height(), value.height()) + rowGap;
        rows.append({label, value});
    }
    const WrappedText heading(tr("Report details"), ReportStyle::sans(10, true), device, width);
    // How a reader checks the report against a database: the command on a line of its own.
    const WrappedText note(
        tr("The data fingerprint identifies exactly the data this report was built from: the "
           "same fingerprint means the same data, and any later change to that data changes "
           "it. To check that a database still holds the data of this report, compare the "
           "fingerprint with the one this command prints:"),
        ReportStyle::sans(8, false, true), device, width, Qt::AlignLeft, 1.2);
    const WrappedText command(
        u"dlitracker-cli report fingerprint DATABASE --quarter %1 --as-of %2"_s.arg(
            report.quarter.code(), report.asOf.toString(Qt::ISODate)),
        ReportStyle::mono(8), device, width - s.mm(6));
    const qreal total = heading.height() + s.mm(4) + blockHeight + s.mm(3) + note.height() +
                        s.mm(1.5) + command.height();
    pager.advance(std::max(s.mm(10), pager.remaining() - total));

    place(pager, heading, ReportStyle::text());
    pager.advance(s.mm(1.5));
    if (QPainter* p = pager.painter()) {
        p->save();
        p->setPen(QPen(ReportStyle::rule(), s.pt(0.8)));
        p->drawLine(QPointF(left, pager.y()), QPointF(left + width, pager.y()));
        p->restore();
    }
    pager.advance(s.mm(2.5));
    for (const auto& [label, value] : rows) {
        const qreal top = pager.y();
        if (QPainter* p = pager.painter()) {
            p->setPen(ReportStyle::muted());
            label.draw(p, QPointF(left, top + s.pt(0.8))); // baselines of 8.5 and 9.5 pt meet
            p->setPen(ReportStyle::text());
            value.draw(p, QPointF(left + labelWidth, top));
        }
        pager.advance(std::max(label.height(), value.height()) + rowGap);
    }
    pager.advance(s.mm(3) - rowGap);
    place(pager, note, ReportStyle::muted());
    pager.advance(s.mm(1.5));
    place(pager, command, ReportStyle::text(), left + s.mm(6));
}

void ReportFrontMatter::drawContents(ReportPager& pager, const QList<Entry>& entries)
{
    const ReportStyle& s = pager.style();
    drawHeading(pager, tr("Contents"));
    const QFont font = ReportStyle::sans(11);
    const QFontMetricsF fm(font, &pager.device());
    const qreal left = pager.content().left();
    const qreal right = pager.content().right();
    const qreal numberWidth = s.mm(10);
    const qreal pageWidth = s.mm(12);
    for (const Entry& e : entries) {
        const qreal room = pager.content().width() - numberWidth - pageWidth;
        const WrappedText title(e.title, font, pager.device(), room - s.mm(4));
        pager.ensure(title.height() + s.mm(4));
        if (QPainter* p = pager.painter(); p && e.page > 0) {
            const qreal top = pager.y();
            p->save();
            p->setFont(font);
            p->setPen(ReportStyle::text());
            p->drawText(QPointF(left, top + fm.ascent()), e.number);
            title.draw(p, QPointF(left + numberWidth, top));
            const QString page = QString::number(e.page);
            const qreal baseline = top + title.lineTop(title.lineCount() - 1) + fm.ascent();
            p->drawText(QPointF(right - fm.horizontalAdvance(page), baseline), page);
            // A dotted leader from the title's last line to its page number: drawn, not
            // typed, so that the text of the contents stays "2. Executive summary 3".
            const qreal from = left + numberWidth + title.naturalWidth() + s.mm(2);
            const qreal to = right - pageWidth;
            if (to > from) {
                QPen dots(ReportStyle::hairline(), s.pt(0.8), Qt::DotLine);
                p->setPen(dots);
                p->drawLine(QPointF(from, baseline), QPointF(to, baseline));
            }
            p->restore();
        }
        pager.advance(title.height() + s.mm(4));
    }
}

} // namespace dli::ui
