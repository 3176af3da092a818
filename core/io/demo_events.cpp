// The demo's money: an advance, disbursements of what was payable, decisions on unearned money,
// and a DLR dropped at the mid-term review, recorded by the demo's manager through the same
// checks as any manager's events.
#include "core/io/demo_data.h"
#include "core/io/demo_timeline.h"
#include "core/storage/session.h"
#include "core/workflow/disbursements.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace dli {

void DemoData::planEvents(Session& session, const Program& program, DemoTimeline& timeline)
{
    auto money = std::make_shared<Disbursements>(session, program);
    // Each decision is recorded on its day, in the afternoon, after that day's verifications.
    auto on = [&timeline](const QDate& date, std::function<Status()> step) {
        timeline.at(QDateTime(date, QTime(14, 0), Qt::UTC), u"manager"_s, std::move(step));
    };
    auto record = [money](EventKind kind, const QString& code, Money amount, const QDate& date,
                          const QString& ref, const QString& to = {},
                          const QString& forcedBecause = {}) -> Status {
        if (amount <= Money())
            return {};
        DisbursementEvent e;
        e.kind = kind;
        (kind == EventKind::Advance || kind == EventKind::Refund ? e.dli : e.dlr) = code;
        e.toDlr = to;
        e.amount = amount;
        e.date = date;
        e.reference = ref;
        e.reason = forcedBecause;
        auto recorded = money->record(e, !forcedBecause.isEmpty());
        if (!recorded)
            return recorded.error();
        return {};
    };
    // What the engine says could be paid, or is pending, on a day, as known then.
    auto column = [money](const QString& dlr, const QDate& date,
                          Money MoneySums::*which) -> Result<Money> {
        Disbursement s;
        DLI_ASSIGN(s, money->compute(date));
        const DlrResult* r = s.dlr(dlr);
        return r ? r->money.*which : Money();
    };
    auto disburse = [&](const QString& dlr, const QDate& date, const QString& ref) {
        on(date, [=]() -> Status {
            Money payable;
            DLI_ASSIGN(payable, column(dlr, date, &MoneySums::payable));
            return record(EventKind::Disburse, dlr, payable, date, ref);
        });
    };

    const QDate advanced(2023, 3, 1);
    on(advanced, [=] {
        return record(EventKind::Advance, u"DLI3"_s, Money::fromMinor(100'000'000), advanced,
                      u"ADV-2023-01"_s);
    });
    disburse(u"1.1"_s, QDate(2023, 7, 20), u"WA-01"_s);
    disburse(u"4.1"_s, QDate(2025, 1, 20), u"WA-04"_s);

    // DLR 4.1 left money pending: part goes to next year's training, the rest is cancelled.
    const QDate decided(2025, 2, 10);
    on(decided, [=]() -> Status {
        Money pending;
        DLI_ASSIGN(pending, column(u"4.1"_s, decided, &MoneySums::pendingReallocation));
        const Money moved = min(pending, Money::fromMinor(20'000'000));
        DLI_TRY(
            record(EventKind::Reallocate, u"4.1"_s, moved, decided, u"PSC-2025-02"_s, u"4.4"_s));
        return record(EventKind::Cancel, u"4.1"_s, pending - moved, decided, u"PSC-2025-02"_s);
    });

    disburse(u"3.1"_s, QDate(2025, 8, 14), u"WA-07"_s);
    disburse(u"3.2"_s, QDate(2025, 8, 14), u"WA-07"_s);
    disburse(u"4.2"_s, QDate(2026, 1, 15), u"WA-09"_s);
    disburse(u"5.1"_s, QDate(2026, 1, 15), u"WA-09"_s);

    // The mid-term review dropped DLR 6.2 before it could earn: a forced cancellation.
    const QDate review(2026, 3, 20);
    on(review, [=]() -> Status {
        Money dropped;
        DLI_ASSIGN(dropped, column(u"6.2"_s, review, &MoneySums::available));
        return record(EventKind::Cancel, u"6.2"_s, dropped, review, u"MTR-2026-03"_s, {},
                      u"Mid-term review aide-memoire of March 2026: DLR 6.2 dropped at the "
                      "Government's request and its allocation cancelled, agreed with the "
                      "Bank"_s);
    });
}

} // namespace dli
