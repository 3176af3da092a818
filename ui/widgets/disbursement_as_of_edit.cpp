#include "ui/widgets/disbursement_as_of_edit.h"

#include "core/storage/session.h"
#include "ui/workspace.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace dli::ui {

DisbursementAsOfEdit::DisbursementAsOfEdit(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_ws(workspace)
{
    m_date = new QDateEdit(workspace.asOf());
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"yyyy-MM-dd"_s);
    // Typing a date does not recompute at every digit: only on Enter, leaving the field, the
    // arrows or the calendar.
    m_date->setKeyboardTracking(false);
    m_date->setAccessibleName(tr("As of date"));
    m_date->setToolTip(tr("Verifications and events dated up to this day count, and DLRs whose "
                          "verification window has closed by then are final. The dashboard and "
                          "the disbursement page share it."));
    auto* label = new QLabel(tr("&As of:"));
    label->setBuddy(m_date);
    m_today = new QPushButton(tr("&Today"));
    m_today->setToolTip(tr("Compute as of today"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_date);
    layout->addWidget(m_today);

    connect(m_date, &QDateEdit::dateChanged, this,
            [this](const QDate& date) { m_ws.setAsOf(date); });
    connect(m_today, &QPushButton::clicked, this,
            [this] { m_ws.setAsOf(m_ws.session().options().now().date()); });
    connect(&m_ws, &Workspace::asOfChanged, this, [this](const QDate& date) {
        const QSignalBlocker quiet(m_date);
        m_date->setDate(date);
    });
}

} // namespace dli::ui
