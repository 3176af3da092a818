// `package export` and `package open`: field packages out to laptops (docs/field-packages.md).
// The passphrase comes from DLITRACKER_PACKAGE_PASSPHRASE or a prompt without echo.
#include "app/cli/cli.h"
#include "app/cli/package_passphrase.h"
#include "app/cli/password_prompt.h"
#include "core/package/field_package.h"
#include "core/package/field_return.h"
#include "core/storage/session.h"

#include <QCommandLineParser>
#include <QDir>

using namespace Qt::StringLiterals;

namespace dli::cli {

Result<QByteArray> packagePassphrase(bool confirm)
{
    return SealedArchive::passphrase(confirm, [](const QString& prompt) -> Result<QByteArray> {
        auto typed = PasswordPrompt::read(SealedArchive::PassphraseVariable, prompt);
        if (!typed)
            return typed.error();
        return typed->toUtf8();
    });
}

namespace {

QStringList listOption(const QCommandLineParser& p, const QCommandLineOption& o)
{
    QStringList out;
    for (const QString& v : p.values(o)) {
        for (const QString& part : v.split(u',', Qt::SkipEmptyParts))
            out << part.trimmed();
    }
    return out;
}

} // namespace

int Cli::package(const QStringList& args)
{
    const auto exportAction = [this](const QStringList& a) {
        return packageExport(a);
    };
    const auto openAction = [this](const QStringList& a) {
        return packageOpen(a);
    };
    const auto returnAction = [this](const QStringList& a) {
        return packageReturn(a);
    };
    const auto importAction = [this](const QStringList& a) {
        return packageImport(a);
    };
    return group(u"package"_s, args,
                 {{u"export"_s, exportAction},
                  {u"open"_s, openAction},
                  {u"return"_s, returnAction},
                  {u"import"_s, importAction}},
                 u"dlitracker-cli package export|open|return|import ..."_s);
}

int Cli::packageExport(const QStringList& args)
{
    const QCommandLineOption out(u"out"_s, tr("The package file to write, FILE.dlipkg."),
                                 u"FILE"_s);
    const QCommandLineOption assignee(u"assignee"_s, tr("The verifier who takes it to the field."),
                                      u"USER"_s);
    const QCommandLineOption org(u"org"_s,
                                 tr("Org unit codes (comma-separated): their submitted figures "
                                    "and their firms."),
                                 u"CODES"_s);
    const QCommandLineOption observations(
        u"observations"_s, tr("Observation ids (comma-separated) to verify."), u"IDS"_s);
    const QCommandLineOption samples(u"samples"_s,
                                     tr("Open sample ids (comma-separated) to check."), u"IDS"_s);
    const Command c{u"package export"_s,
                    u"DB --out FILE.dlipkg --assignee USER [--org CODES] [--observations IDS] "
                    u"[--samples IDS]"_s,
                    tr("Writes an encrypted field package: what a verifier's visit needs and "
                       "nothing more."),
                    {out, assignee, org, observations, samples},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    if (!p.isSet(out) || !p.value(out).endsWith(u".dlipkg"_s))
        return report(Error(ErrorCode::Usage, tr("--out names the package file, FILE.dlipkg")));
    if (!p.isSet(assignee))
        return report(
            Error(ErrorCode::Usage, tr("--assignee is missing: the verifier who takes it")));
    auto opened = openSession(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    auto passphrase = packagePassphrase(true);
    if (!passphrase)
        return report(passphrase.error());
    FieldPackage::Request r;
    r.assignee = p.value(assignee);
    r.orgUnits = listOption(p, org);
    r.observations = listOption(p, observations);
    r.samples = listOption(p, samples);
    auto made = FieldPackage::make(*opened.value(), r, p.value(out), passphrase.value());
    if (!made)
        return report(made.error());
    const PackageManifest& m = made.value();
    this->out() << tr("Wrote %1: package %2 for %3").arg(p.value(out), m.packageId, m.assignee)
                << '\n'
                << u"  "_s << m.holds() << '\n'
                << tr("Send the passphrase by another way than the file.") << '\n';
    return Success;
}

int Cli::packageOpen(const QStringList& args)
{
    const Command c{u"package open"_s,
                    u"FILE.dlipkg WORKDB"_s,
                    tr("Opens a field package on a laptop as a working database in field mode, "
                       "where only\nthe assignee can log in."),
                    {},
                    2,
                    2};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    auto passphrase = packagePassphrase(false);
    if (!passphrase)
        return report(passphrase.error());
    const QString work = p.positionalArguments().at(1);
    auto opened = FieldPackage::open(p.positionalArguments().at(0), passphrase.value(), work);
    if (!opened)
        return report(opened.error());
    const PackageManifest& m = opened.value();
    out() << tr("Opened package %1 for %2 as %3 (field mode)").arg(m.packageId, m.assignee, work)
          << '\n'
          << u"  "_s << m.holds() << '\n'
          << tr("Log in as %1: dlitracker %2").arg(m.assignee, QDir::toNativeSeparators(work))
          << '\n';
    return Success;
}

int Cli::packageReturn(const QStringList& args)
{
    const QCommandLineOption out(u"out"_s, tr("The return file to write, FILE.dlireturn."),
                                 u"FILE"_s);
    const Command c{u"package return"_s,
                    u"WORKDB --out FILE.dlireturn"_s,
                    tr("Writes the changes made on the laptop since the package was opened, "
                       "sealed,\nfor `package import` at the office."),
                    {out},
                    1,
                    1};
    QCommandLineParser p;
    if (auto stop = parse(p, c, args))
        return *stop;
    if (!p.isSet(out) || !p.value(out).endsWith(u".dlireturn"_s))
        return report(Error(ErrorCode::Usage, tr("--out names the return file, FILE.dlireturn")));
    auto opened = openSession(p.positionalArguments().at(0));
    if (!opened)
        return report(opened.error());
    auto passphrase = packagePassphrase(true);
    if (!passphrase)
        return report(passphrase.error());
    auto made = FieldReturn::make(*opened.value(), p.value(out), passphrase.value());
    if (!made)
        return report(made.error());
    this->out() << tr("Wrote %1: %2 changes to package %3, %4 audit entries made in the field")
                       .arg(p.value(out))
                       .arg(made->changes)
                       .arg(made->packageId)
                       .arg(made->fieldAuditEntries)
                << '\n';
    return Success;
}

} // namespace dli::cli
