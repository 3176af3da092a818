// Field visits for the import tests: packages cut from an office demo copy, opened on
// "laptops" with their own clocks, and their returns.
#pragma once

#include "core/package/field_import.h"
#include "core/package/field_package.h"
#include "core/package/field_return.h"
#include "core/workflow/workflow.h"
#include "trust_support.h"

namespace dli::test {

inline const QByteArray kTripPassphrase = "field visit 2026";

// The submitted figures of one org unit, at the office.
inline QStringList submittedOf(DemoCopy& office, const QString& unit)
{
    return column(office.session->database(),
                  QStringLiteral("SELECT o.id FROM observations o JOIN org_units u ON u.id = "
                                 "o.org_unit_id WHERE u.code = '%1' AND o.state = 'submitted' "
                                 "ORDER BY o.id")
                      .arg(unit));
}

// A laptop: the working copy of a package cut for `assignee`, logged in as them, a day after
// the package was made.
class Laptop {
public:
    Laptop(DemoCopy& office, const QString& name, const FieldPackage::Request& request,
           quint64 seed)
        : m_dir(office.dir()), m_name(name), m_clock(std::make_shared<QDateTime>(office.now()))
    {
        const std::optional<User> before = office.session->currentUser();
        office.actAs(QStringLiteral("manager"));
        const QString pkg = m_dir.path(name + QStringLiteral(".dlipkg"));
        manifest = must(FieldPackage::make(*office.session, request, pkg, kTripPassphrase,
                                           SealedArchive::KeyCost::Minimum));
        if (before)
            office.session->setCurrentUser(*before);
        m_work = m_dir.path(name + QStringLiteral(".dlidb"));
        must(FieldPackage::open(pkg, kTripPassphrase, m_work));
        SessionOptions options =
            SessionOptions::deterministic(seed, QDateTime(), QStringLiteral("laptop"));
        auto clock = m_clock;
        options.now = [clock] {
            return *clock;
        };
        options.minimumPasswordCost = true;
        session = must(Session::open(m_work, options));
        session->setCurrentUser(*must(session->users().find(request.assignee)));
        program = must(session->programs().load());
        advance(24 * 3600);
    }

    void advance(qint64 seconds) { *m_clock = m_clock->addSecs(seconds); }
    Workflow workflow() { return Workflow(*session, program); }
    const QString& workPath() const { return m_work; }

    // Seals the changes so far into a new return file and gives its path.
    QString makeReturn()
    {
        const QString path = m_dir.path(m_name + QStringLiteral("-%1.dlireturn").arg(++m_returns));
        must(FieldReturn::make(*session, path, kTripPassphrase, SealedArchive::KeyCost::Minimum));
        return path;
    }

    PackageManifest manifest;
    std::unique_ptr<Session> session;
    Program program;

private:
    const TempDir& m_dir;
    QString m_name;
    QString m_work;
    std::shared_ptr<QDateTime> m_clock;
    int m_returns = 0;
};

inline Workflow::VerifyRequest fieldVisit(const QString& id)
{
    Workflow::VerifyRequest r;
    r.id = id;
    r.method = VerificationMethod::FieldVisit;
    return r;
}

// Imports a return at the office as its manager.
inline Result<FieldImportReport> importAtOffice(DemoCopy& office, const QString& path)
{
    office.actAs(QStringLiteral("manager"));
    return FieldImport::run(*office.session, path, kTripPassphrase);
}

} // namespace dli::test
