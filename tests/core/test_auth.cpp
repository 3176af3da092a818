// Accounts and logins: Argon2id hashes that carry their cost, the password policy, one message
// for every failed login, the lockout after five failures in a row, roles, and the rules that
// keep an administrator in charge. No password is ever stored or logged as text.
#include "core/auth/auth.h"
#include "core/auth/password.h"
#include "core/storage/session.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <memory>

using namespace Qt::StringLiterals;
using namespace dli;
using Catch::Matchers::Contains;

namespace {

const QDateTime kStart(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);

// The cost parameter `name` (m or t) of an encoded Argon2id hash.
int costOf(const QString& encoded, const QString& name)
{
    const QRegularExpression re(u"[$,]"_s + name + u"=(\\d+)"_s);
    const auto m = re.match(encoded);
    REQUIRE(m.hasMatch());
    return m.captured(1).toInt();
}

// A new database with a settable clock and five accounts: admin (the first, created while the
// database had none), officer, verifier, manager and viewer; nobody logged in.
struct Accounts {
    test::TempDir dir;
    QString path = dir.path(u"auth.dlit"_s);
    std::shared_ptr<QDateTime> clock = std::make_shared<QDateTime>(kStart);
    std::unique_ptr<Session> session;

    static QString passwordOf(const QString& name) { return name + u"-Secret-2026"_s; }

    Accounts()
    {
        auto s = Session::create(path, options(1));
        if (!s)
            FAIL(s.error().text().toStdString());
        session = std::move(s).value();
        REQUIRE_FALSE(Auth::hasUsers(*session).value());
        REQUIRE(
            Auth::addUser(*session, user(u"admin"_s, {Role::Admin}), passwordOf(u"admin"_s)).ok());
        REQUIRE(Auth::hasUsers(*session).value());
        REQUIRE(Auth::login(*session, u"admin"_s, passwordOf(u"admin"_s)).ok());
        for (const auto& [name, role] : QList<QPair<QString, Role>>{{u"officer"_s, Role::Officer},
                                                                    {u"verifier"_s, Role::Verifier},
                                                                    {u"manager"_s, Role::Manager},
                                                                    {u"viewer"_s, Role::Viewer}}) {
            const Status added = Auth::addUser(*session, user(name, {role}), passwordOf(name));
            if (!added)
                FAIL(added.error().text().toStdString());
        }
        reopen(); // nobody logged in
    }

    SessionOptions options(quint64 seed) const
    {
        SessionOptions o = SessionOptions::deterministic(seed, QDateTime(), u"os-user"_s);
        auto c = clock;
        o.now = [c] {
            return *c;
        };
        o.minimumPasswordCost = true;
        return o;
    }

    void reopen()
    {
        static quint64 seed = 100;
        session.reset();
        auto s = Session::open(path, options(++seed));
        if (!s)
            FAIL(s.error().text().toStdString());
        session = std::move(s).value();
    }

    static User user(const QString& name, const QList<Role>& roles)
    {
        User u;
        u.name = name;
        u.fullName = name.toUpper();
        u.roles = roles;
        return u;
    }

    Result<User> login(const QString& name, const QString& password)
    {
        return Auth::login(*session, name, password);
    }
    Result<User> login(const QString& name) { return login(name, passwordOf(name)); }

    void loginAs(const QString& name)
    {
        auto u = login(name);
        if (!u)
            FAIL(u.error().text().toStdString());
    }

    void advanceMinutes(int minutes) { *clock = clock->addSecs(qint64(minutes) * 60); }

    // The account as an administrator sees it, read through a second session so that this one
    // keeps its user.
    std::optional<UserStatus> statusOf(const QString& name)
    {
        static quint64 seed = 500;
        auto admin = Session::open(path, options(++seed));
        REQUIRE(admin.ok());
        REQUIRE(Auth::login(*admin.value(), u"admin"_s, passwordOf(u"admin"_s)).ok());
        auto all = Auth::list(*admin.value());
        REQUIRE(all.ok());
        for (const UserStatus& s : all.value()) {
            if (s.user.name == name)
                return s;
        }
        return std::nullopt;
    }
};

void checkRefused(const Status& s, ErrorCode code)
{
    REQUIRE_FALSE(s.ok());
    INFO(s.error().text().toStdString());
    CHECK(s.error().code == code);
}

template <typename T> void checkRefused(const Result<T>& r, ErrorCode code)
{
    REQUIRE_FALSE(r.ok());
    INFO(r.error().text().toStdString());
    CHECK(r.error().code == code);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Passwords

TEST_CASE("Auth: a password hash is Argon2id in libsodium's encoded form, salted",
          "[auth][password]")
{
    auto h = Password::hash(u"correct horse battery"_s, Password::Cost::Minimum);
    REQUIRE(h.ok());
    CHECK(h->startsWith(u"$argon2id$v=19$"_s));
    CHECK_FALSE(h->contains(u"correct horse"_s));
    CHECK(Password::verify(h.value(), u"correct horse battery"_s));
    CHECK_FALSE(Password::verify(h.value(), u"correct horse batterY"_s));
    CHECK_FALSE(Password::verify(h.value(), u""_s));
    // The same password twice gives two hashes (a random salt), both good.
    auto again = Password::hash(u"correct horse battery"_s, Password::Cost::Minimum);
    REQUIRE(again.ok());
    CHECK(again.value() != h.value());
    CHECK(Password::verify(again.value(), u"correct horse battery"_s));
    // Non-ASCII passwords are hashed as UTF-8.
    auto urdu = Password::hash(u"پاس ورڈ ۲۰۲۶ ok"_s, Password::Cost::Minimum);
    REQUIRE(urdu.ok());
    CHECK(Password::verify(urdu.value(), u"پاس ورڈ ۲۰۲۶ ok"_s));
    CHECK_FALSE(Password::verify(urdu.value(), u"پاس ورڈ ۲۰۲۵ ok"_s));
    // Anything that is not a hash verifies nothing.
    CHECK_FALSE(Password::verify(u""_s, u""_s));
    CHECK_FALSE(Password::verify(u"correct horse battery"_s, u"correct horse battery"_s));
    CHECK_FALSE(Password::verify(h->left(h->size() - 4), u"correct horse battery"_s));
}

TEST_CASE("Auth: the cost of a hash is in its encoded parameters, and checking reads it from "
          "there",
          "[auth][password]")
{
    auto minimum = Password::hash(u"cost-check-password"_s, Password::Cost::Minimum);
    auto interactive = Password::hash(u"cost-check-password"_s, Password::Cost::Interactive);
    REQUIRE(minimum.ok());
    REQUIRE(interactive.ok());
    INFO(minimum->toStdString() << "\n" << interactive->toStdString());
    CHECK(interactive->startsWith(u"$argon2id$v=19$"_s));
    // libsodium's least cost: 8 KiB and one pass; interactive: 64 MiB and two passes.
    CHECK(costOf(minimum.value(), u"m"_s) == 8);
    CHECK(costOf(minimum.value(), u"t"_s) == 1);
    CHECK(costOf(interactive.value(), u"m"_s) == 65536);
    CHECK(costOf(interactive.value(), u"t"_s) == 2);
    CHECK(costOf(minimum.value(), u"m"_s) < costOf(interactive.value(), u"m"_s));
    // Either verifies without being told its cost.
    CHECK(Password::verify(minimum.value(), u"cost-check-password"_s));
    CHECK(Password::verify(interactive.value(), u"cost-check-password"_s));
    CHECK_FALSE(Password::verify(interactive.value(), u"cost-check-passwore"_s));
}

TEST_CASE("Auth: accounts get the cost the session asks for", "[auth][password]")
{
    for (const bool minimum : {true, false}) {
        INFO("minimumPasswordCost " << minimum);
        test::TempDir dir;
        SessionOptions o = SessionOptions::deterministic(3, kStart, u"os-user"_s);
        o.minimumPasswordCost = minimum;
        auto s = Session::create(dir.path(u"cost.dlit"_s), o);
        REQUIRE(s.ok());
        REQUIRE(Auth::addUser(*s.value(), Accounts::user(u"admin"_s, {Role::Admin}),
                              u"first-admin-pw"_s)
                    .ok());
        auto hash = s.value()->users().passwordHash(u"admin"_s);
        REQUIRE(hash.ok());
        REQUIRE(hash->has_value());
        CHECK(hash->value().startsWith(u"$argon2id$"_s));
        CHECK(costOf(hash->value(), u"m"_s) == (minimum ? 8 : 65536));
        CHECK(Auth::login(*s.value(), u"admin"_s, u"first-admin-pw"_s).ok());
    }
}

TEST_CASE("Auth: the password policy refuses empty, blank and short passwords", "[auth][password]")
{
    CHECK(Password::MinimumLength == 8);
    checkRefused(Password::checkPolicy(u""_s), ErrorCode::InvalidInput);
    checkRefused(Password::checkPolicy(u"          "_s), ErrorCode::InvalidInput);
    checkRefused(Password::checkPolicy(u"\t\n   \t\n"_s), ErrorCode::InvalidInput);
    checkRefused(Password::checkPolicy(u"abc"_s), ErrorCode::InvalidInput);
    checkRefused(Password::checkPolicy(u"1234567"_s), ErrorCode::InvalidInput);
    CHECK_THAT(Password::checkPolicy(u"1234567"_s).error().message.toStdString(), Contains("8"));
    CHECK(Password::checkPolicy(u"12345678"_s).ok());
    CHECK(Password::checkPolicy(u"a longer pass phrase"_s).ok());

    // Accounts follow it, whoever adds or changes them.
    Accounts a;
    a.loginAs(u"admin"_s);
    checkRefused(Auth::addUser(*a.session, Accounts::user(u"shorty"_s, {Role::Viewer}), u"short"_s),
                 ErrorCode::InvalidInput);
    CHECK_FALSE(a.session->users().find(u"shorty"_s).value().has_value());
    checkRefused(Auth::changePassword(*a.session, u"officer"_s, u"       "_s),
                 ErrorCode::InvalidInput);
    a.reopen();
    a.loginAs(u"officer"_s);
    checkRefused(Auth::changePassword(*a.session, u"officer"_s, u"1234567"_s),
                 ErrorCode::InvalidInput);
    CHECK(a.login(u"officer"_s).ok()); // the old password still works
}

// ---------------------------------------------------------------------------------------------
// Logins

TEST_CASE("Auth: a login with the right password acts as that user", "[auth][login]")
{
    Accounts a;
    CHECK_FALSE(a.session->currentUser().has_value());
    auto u = a.login(u"verifier"_s);
    REQUIRE(u.ok());
    CHECK(u->name == u"verifier"_s);
    CHECK(u->fullName == u"VERIFIER"_s);
    CHECK(u->roles == QList<Role>{Role::Verifier});
    REQUIRE(a.session->currentUser().has_value());
    CHECK(a.session->currentUser()->name == u"verifier"_s);
    // What the session writes from now on carries the user's name.
    CHECK(a.session->options().userName == u"verifier"_s);
    auto status = a.statusOf(u"verifier"_s);
    REQUIRE(status.has_value());
    CHECK(status->failedInARow == 0);
}

TEST_CASE("Auth: a wrong password, an unknown user and a disabled account get the same message",
          "[auth][login]")
{
    Accounts a;
    a.loginAs(u"admin"_s);
    REQUIRE(Auth::setDisabled(*a.session, u"manager"_s, true).ok());
    a.reopen();

    auto wrongPassword = a.login(u"officer"_s, u"not-the-password"_s);
    auto unknownUser = a.login(u"nobody.here"_s, u"officer-Secret-2026"_s);
    auto disabled = a.login(u"manager"_s); // the right password
    auto emptyName = a.login(u""_s, u"whatever-password"_s);
    auto caseDiffers = a.login(u"Officer"_s);
    for (const auto* r : {&wrongPassword, &unknownUser, &disabled, &emptyName, &caseDiffers}) {
        REQUIRE_FALSE(r->ok());
        CHECK(r->error().code == ErrorCode::Unauthenticated);
        CHECK(r->error().message == wrongPassword.error().message);
        CHECK(r->error().location.isEmpty());
        CHECK(r->error().details.isEmpty());
    }
    // The message says nothing about which part was wrong, nor names the user.
    const QString m = wrongPassword.error().message;
    CHECK(m.contains(u"wrong user name or password"_s));
    CHECK_FALSE(m.contains(u"officer"_s));
    CHECK_FALSE(m.contains(u"disabled"_s));
    CHECK_FALSE(m.contains(u"exist"_s));
    CHECK_FALSE(a.session->currentUser().has_value());

    // A disabled account logs in again once enabled.
    a.loginAs(u"admin"_s);
    REQUIRE(Auth::setDisabled(*a.session, u"manager"_s, false).ok());
    a.reopen();
    CHECK(a.login(u"manager"_s).ok());
}

TEST_CASE("Auth: four failed logins in a row do not lock; the fifth does", "[auth][lockout]")
{
    Accounts a;
    for (int i = 0; i < 4; ++i) {
        a.advanceMinutes(1);
        checkRefused(a.login(u"officer"_s, u"guess-number-"_s + QString::number(i)),
                     ErrorCode::Unauthenticated);
    }
    auto status = a.statusOf(u"officer"_s);
    REQUIRE(status.has_value());
    CHECK(status->failedInARow == 4);
    CHECK_FALSE(status->lockedUntil.has_value());
    // Not locked: the right password gets in, and the count starts again.
    REQUIRE(a.login(u"officer"_s).ok());
    CHECK(a.statusOf(u"officer"_s)->failedInARow == 0);

    for (int i = 0; i < 4; ++i)
        checkRefused(a.login(u"officer"_s, u"another-guess"_s), ErrorCode::Unauthenticated);
    a.advanceMinutes(1);
    const QDateTime fifth = a.session->options().now();
    auto last = a.login(u"officer"_s, u"another-guess"_s);
    checkRefused(last, ErrorCode::Unauthenticated);
    status = a.statusOf(u"officer"_s);
    REQUIRE(status->lockedUntil.has_value());
    CHECK(*status->lockedUntil == fifth.addSecs(15 * 60));
    CHECK(status->failedInARow == Auth::MaxFailures);

    // Locked: even the right password is refused, with a message that says so.
    a.reopen();
    auto locked = a.login(u"officer"_s);
    checkRefused(locked, ErrorCode::Unauthenticated);
    CHECK(locked.error().message.contains(u"locked"_s));
    CHECK(locked.error().message.contains(fifth.addSecs(15 * 60).toString(u"HH:mm"_s)));
    CHECK_FALSE(a.session->currentUser().has_value());

    // The lock is an audit event.
    auto events = a.session->audit().entries();
    REQUIRE(events.ok());
    int lockEvents = 0;
    for (const AuditEntry& e : events.value()) {
        if (e.action == u"user.locked"_s) {
            ++lockEvents;
            CHECK(QString::fromUtf8(e.details).contains(u"officer"_s));
        }
    }
    CHECK(lockEvents == 1);
}

TEST_CASE("Auth: a lock lasts fifteen minutes from the fifth failure", "[auth][lockout]")
{
    Accounts a;
    for (int i = 0; i < Auth::MaxFailures; ++i)
        checkRefused(a.login(u"verifier"_s, u"bad-password"_s), ErrorCode::Unauthenticated);
    // Attempts during the lock, right or wrong, neither get in nor extend the lock.
    a.advanceMinutes(5);
    checkRefused(a.login(u"verifier"_s), ErrorCode::Unauthenticated);
    a.advanceMinutes(5);
    for (int i = 0; i < 6; ++i)
        checkRefused(a.login(u"verifier"_s, u"bad-password"_s), ErrorCode::Unauthenticated);
    a.advanceMinutes(4);
    *a.clock = a.clock->addSecs(59); // 14:59 after the lock began
    auto still = a.login(u"verifier"_s);
    checkRefused(still, ErrorCode::Unauthenticated);
    CHECK(still.error().message.contains(u"locked"_s));

    *a.clock = kStart.addSecs(15 * 60); // exactly fifteen minutes
    auto in = a.login(u"verifier"_s);
    INFO((in ? QString() : in.error().text()).toStdString());
    REQUIRE(in.ok());
    CHECK(a.session->currentUser()->name == u"verifier"_s);
}

TEST_CASE("Auth: after a lock runs out, the count of failures starts again", "[auth][lockout]")
{
    Accounts a;
    for (int i = 0; i < Auth::MaxFailures; ++i)
        checkRefused(a.login(u"viewer"_s, u"bad-password"_s), ErrorCode::Unauthenticated);
    a.advanceMinutes(16);
    // One more failure after the lock is not a sixth in a row.
    checkRefused(a.login(u"viewer"_s, u"bad-password"_s), ErrorCode::Unauthenticated);
    auto status = a.statusOf(u"viewer"_s);
    CHECK_FALSE(status->lockedUntil.has_value());
    CHECK(status->failedInARow == 1);
    REQUIRE(a.login(u"viewer"_s).ok());

    // Five more lock it again.
    for (int i = 0; i < Auth::MaxFailures; ++i)
        checkRefused(a.login(u"viewer"_s, u"bad-password"_s), ErrorCode::Unauthenticated);
    CHECK(a.login(u"viewer"_s).error().message.contains(u"locked"_s));
}

TEST_CASE("Auth: an administrator lifts a lock; nobody else can", "[auth][lockout]")
{
    Accounts a;
    for (int i = 0; i < Auth::MaxFailures; ++i)
        checkRefused(a.login(u"officer"_s, u"bad-password"_s), ErrorCode::Unauthenticated);
    checkRefused(a.login(u"officer"_s), ErrorCode::Unauthenticated);

    a.loginAs(u"manager"_s);
    auto refused = Auth::unlock(*a.session, u"officer"_s);
    checkRefused(refused, ErrorCode::Forbidden);
    CHECK(refused.error().message.contains(u"admin"_s));
    a.reopen();
    checkRefused(Auth::unlock(*a.session, u"officer"_s), ErrorCode::Unauthenticated);
    checkRefused(a.login(u"officer"_s), ErrorCode::Unauthenticated);

    a.loginAs(u"admin"_s);
    checkRefused(Auth::unlock(*a.session, u"no.such.user"_s), ErrorCode::NotFound);
    REQUIRE(Auth::unlock(*a.session, u"officer"_s).ok());
    CHECK_FALSE(a.statusOf(u"officer"_s)->lockedUntil.has_value());
    CHECK(a.statusOf(u"officer"_s)->failedInARow == 0);
    a.reopen();
    CHECK(a.login(u"officer"_s).ok());
}

TEST_CASE("Auth: one user's failed logins do not lock another", "[auth][lockout]")
{
    Accounts a;
    for (int i = 0; i < Auth::MaxFailures + 2; ++i) {
        checkRefused(a.login(u"officer"_s, u"bad-password"_s), ErrorCode::Unauthenticated);
        checkRefused(a.login(u"ghost"_s, u"bad-password"_s), ErrorCode::Unauthenticated);
    }
    checkRefused(a.login(u"officer"_s), ErrorCode::Unauthenticated);
    for (const QString& other : {u"admin"_s, u"verifier"_s, u"manager"_s, u"viewer"_s}) {
        INFO(other.toStdString());
        CHECK(a.login(other).ok());
        CHECK(a.statusOf(other)->failedInARow == 0);
        CHECK_FALSE(a.statusOf(other)->lockedUntil.has_value());
    }
    CHECK(a.statusOf(u"officer"_s)->lockedUntil.has_value());

    // A name without an account locks the same way, so a lock tells nothing about which
    // names exist.
    auto real = a.login(u"officer"_s, u"bad-password"_s);
    auto ghost = a.login(u"ghost"_s, u"bad-password"_s);
    checkRefused(real, ErrorCode::Unauthenticated);
    checkRefused(ghost, ErrorCode::Unauthenticated);
    CHECK(QString(real.error().message).replace(u"officer"_s, u"NAME"_s) ==
          QString(ghost.error().message).replace(u"ghost"_s, u"NAME"_s));
}

TEST_CASE("Auth: lockedUntil counts failures in a row and ignores refusals during a lock",
          "[auth][lockout]")
{
    using A = Auth::Attempt;
    auto at = [](int minute) {
        return kStart.addSecs(qint64(minute) * 60);
    };
    int inARow = -1;

    CHECK_FALSE(Auth::lockedUntil({}, &inARow).has_value());
    CHECK(inARow == 0);

    QList<A> four{
        {at(0), u"failed"_s}, {at(1), u"failed"_s}, {at(2), u"failed"_s}, {at(3), u"failed"_s}};
    CHECK_FALSE(Auth::lockedUntil(four, &inARow).has_value());
    CHECK(inARow == 4);

    QList<A> five = four;
    five << A{at(4), u"failed"_s};
    auto until = Auth::lockedUntil(five, &inARow);
    REQUIRE(until.has_value());
    CHECK(*until == at(4 + Auth::LockMinutes));
    CHECK(inARow == Auth::MaxFailures);

    // Refusals and further failures while locked change nothing.
    QList<A> during = five;
    during << A{at(6), u"locked"_s} << A{at(7), u"failed"_s} << A{at(18), u"failed"_s};
    CHECK(Auth::lockedUntil(during) == until);

    // A failure at or after the end starts a new count.
    QList<A> after = five;
    after << A{at(19), u"failed"_s};
    CHECK_FALSE(Auth::lockedUntil(after, &inARow).has_value());
    CHECK(inARow == 1);
    for (int m = 20; m < 24; ++m)
        after << A{at(m), u"failed"_s};
    until = Auth::lockedUntil(after, &inARow);
    REQUIRE(until.has_value());
    CHECK(*until == at(23 + Auth::LockMinutes));

    // "locked" entries alone never lock.
    QList<A> refusals;
    for (int m = 0; m < 10; ++m)
        refusals << A{at(m), u"locked"_s};
    CHECK_FALSE(Auth::lockedUntil(refusals, &inARow).has_value());
    CHECK(inARow == 0);
}

// ---------------------------------------------------------------------------------------------
// Roles and account management

TEST_CASE("Auth: require() refuses a user without the role, naming the role and the user",
          "[auth][roles]")
{
    Accounts a;
    // Accounts exist, nobody logged in.
    auto none = Auth::require(*a.session, {Role::Viewer}, u"reading values"_s);
    checkRefused(none, ErrorCode::Unauthenticated);
    CHECK(none.error().message.contains(u"reading values"_s));
    CHECK(none.error().message.contains(u"login"_s));

    a.loginAs(u"viewer"_s);
    CHECK(Auth::require(*a.session, {Role::Viewer}, u"reading values"_s).ok());
    auto refused = Auth::require(*a.session, {Role::Verifier}, u"verifying observations"_s);
    checkRefused(refused, ErrorCode::Forbidden);
    const QString m = refused.error().message;
    CHECK(m.contains(u"verifying observations"_s));
    CHECK(m.contains(u"verifier"_s));
    CHECK(m.contains(u"viewer"_s));

    auto either = Auth::require(*a.session, {Role::Officer, Role::Verifier}, u"attaching"_s);
    checkRefused(either, ErrorCode::Forbidden);
    CHECK(either.error().message.contains(u"officer"_s));
    CHECK(either.error().message.contains(u"verifier"_s));
    a.loginAs(u"verifier"_s);
    CHECK(Auth::require(*a.session, {Role::Officer, Role::Verifier}, u"attaching"_s).ok());

    // Roles are not ranks: an administrator is not an officer.
    a.loginAs(u"admin"_s);
    checkRefused(Auth::require(*a.session, {Role::Officer}, u"submitting"_s), ErrorCode::Forbidden);
}

TEST_CASE("Auth: a database without accounts is open, except for what needs names", "[auth][roles]")
{
    test::TempDir dir;
    auto s = Session::create(dir.path(u"open.dlit"_s),
                             SessionOptions::deterministic(5, kStart, u"os-user"_s));
    REQUIRE(s.ok());
    CHECK(Auth::require(*s.value(), {Role::Admin}, u"anything"_s).ok());
    auto workflow = Auth::require(*s.value(), {Role::Verifier}, u"verifying"_s, true);
    checkRefused(workflow, ErrorCode::Forbidden);
    CHECK(workflow.error().message.contains(u"verifying"_s));
    auto list = Auth::list(*s.value());
    REQUIRE(list.ok());
    CHECK(list->isEmpty());
    checkRefused(Auth::login(*s.value(), u"admin"_s, u"any-password"_s),
                 ErrorCode::Unauthenticated);
}

TEST_CASE("Auth: the first user must be an administrator; later ones are added by one",
          "[auth][roles]")
{
    test::TempDir dir;
    SessionOptions o = SessionOptions::deterministic(6, kStart, u"os-user"_s);
    o.minimumPasswordCost = true;
    auto created = Session::create(dir.path(u"first.dlit"_s), o);
    REQUIRE(created.ok());
    Session& s = *created.value();

    auto officerFirst =
        Auth::addUser(s, Accounts::user(u"officer"_s, {Role::Officer}), u"officer-password"_s);
    checkRefused(officerFirst, ErrorCode::InvalidInput);
    CHECK(officerFirst.error().message.contains(u"admin"_s));
    CHECK(s.users().count().value() == 0);

    checkRefused(Auth::addUser(s, Accounts::user(u"two words"_s, {Role::Admin}), u"admin-pass"_s),
                 ErrorCode::InvalidInput);
    checkRefused(Auth::addUser(s, Accounts::user(u""_s, {Role::Admin}), u"admin-pass"_s),
                 ErrorCode::InvalidInput);
    // Any white space, not only the space bar's: a tab, a line break, a no-break space.
    for (const QString& name :
         {u" admin"_s, u"admin "_s, u"ayesha\tkhan"_s, u"ayesha\nkhan"_s, u"ayesha\u00a0khan"_s}) {
        INFO(name.toStdString());
        checkRefused(Auth::addUser(s, Accounts::user(name, {Role::Admin}), u"admin-pass"_s),
                     ErrorCode::InvalidInput);
    }
    checkRefused(Auth::addUser(s, Accounts::user(u"noroles"_s, {}), u"admin-pass"_s),
                 ErrorCode::InvalidInput);

    // An admin who also holds other roles is fine as the first.
    REQUIRE(Auth::addUser(s, Accounts::user(u"boss"_s, {Role::Admin, Role::Manager}),
                          u"boss-password"_s)
                .ok());
    auto boss = s.users().find(u"boss"_s);
    REQUIRE(boss.ok());
    REQUIRE(boss->has_value());
    CHECK(boss->value().has(Role::Admin));
    CHECK(boss->value().has(Role::Manager));
    CHECK(boss->value().createdAt == kStart);

    // From now on only an administrator adds users.
    checkRefused(
        Auth::addUser(s, Accounts::user(u"officer"_s, {Role::Officer}), u"officer-password"_s),
        ErrorCode::Unauthenticated);
    REQUIRE(Auth::login(s, u"boss"_s, u"boss-password"_s).ok());
    REQUIRE(Auth::addUser(s, Accounts::user(u"officer"_s, {Role::Officer}), u"officer-password"_s)
                .ok());
    CHECK(s.users().find(u"officer"_s).value()->createdBy == u"boss"_s);
    checkRefused(
        Auth::addUser(s, Accounts::user(u"officer"_s, {Role::Viewer}), u"other-password"_s),
        ErrorCode::Conflict);
    REQUIRE(Auth::login(s, u"officer"_s, u"officer-password"_s).ok());
    auto notAdmin =
        Auth::addUser(s, Accounts::user(u"friend"_s, {Role::Admin}), u"friend-password"_s);
    checkRefused(notAdmin, ErrorCode::Forbidden);
    CHECK(notAdmin.error().message.contains(u"admin"_s));
    CHECK_FALSE(s.users().find(u"friend"_s).value().has_value());
}

TEST_CASE("Auth: only administrators list, disable, enable and unlock users", "[auth][roles]")
{
    Accounts a;
    for (const QString& who : {u"officer"_s, u"verifier"_s, u"manager"_s, u"viewer"_s}) {
        INFO(who.toStdString());
        a.loginAs(who);
        checkRefused(Auth::list(*a.session), ErrorCode::Forbidden);
        checkRefused(Auth::setDisabled(*a.session, u"viewer"_s, true), ErrorCode::Forbidden);
        checkRefused(Auth::setDisabled(*a.session, u"viewer"_s, false), ErrorCode::Forbidden);
        checkRefused(Auth::unlock(*a.session, u"viewer"_s), ErrorCode::Forbidden);
        checkRefused(Auth::addUser(*a.session, Accounts::user(u"extra"_s, {Role::Viewer}),
                                   u"extra-password"_s),
                     ErrorCode::Forbidden);
    }
    a.reopen();
    checkRefused(Auth::list(*a.session), ErrorCode::Unauthenticated);
    checkRefused(Auth::setDisabled(*a.session, u"viewer"_s, true), ErrorCode::Unauthenticated);

    a.loginAs(u"admin"_s);
    auto list = Auth::list(*a.session);
    REQUIRE(list.ok());
    QStringList names;
    for (const UserStatus& s : list.value())
        names << s.user.name;
    CHECK(names == QStringList{u"admin"_s, u"manager"_s, u"officer"_s, u"verifier"_s, u"viewer"_s});
    REQUIRE(Auth::setDisabled(*a.session, u"viewer"_s, true).ok());
    CHECK(a.session->users().find(u"viewer"_s).value()->disabled);
    checkRefused(Auth::setDisabled(*a.session, u"nobody"_s, true), ErrorCode::NotFound);
    CHECK(a.session->users().count().value() == 5);
}

TEST_CASE("Auth: the only active administrator cannot be disabled", "[auth][roles]")
{
    Accounts a;
    a.loginAs(u"admin"_s);
    auto self = Auth::setDisabled(*a.session, u"admin"_s, true);
    checkRefused(self, ErrorCode::Conflict);
    CHECK_FALSE(a.session->users().find(u"admin"_s).value()->disabled);

    // With a second administrator, either may go, but not both.
    REQUIRE(Auth::addUser(*a.session, Accounts::user(u"admin2"_s, {Role::Admin, Role::Viewer}),
                          u"admin2-password"_s)
                .ok());
    REQUIRE(Auth::setDisabled(*a.session, u"admin2"_s, true).ok());
    checkRefused(Auth::setDisabled(*a.session, u"admin"_s, true), ErrorCode::Conflict);
    REQUIRE(Auth::setDisabled(*a.session, u"admin2"_s, false).ok());
    REQUIRE(Auth::setDisabled(*a.session, u"admin"_s, true).ok());
    checkRefused(a.login(u"admin"_s), ErrorCode::Unauthenticated);
    REQUIRE(a.login(u"admin2"_s, u"admin2-password"_s).ok());
    checkRefused(Auth::setDisabled(*a.session, u"admin2"_s, true), ErrorCode::Conflict);
    // Disabling an account that is not an administrator is always fine.
    CHECK(Auth::setDisabled(*a.session, u"officer"_s, true).ok());
}

TEST_CASE("Auth: users change their own password; only an administrator changes another's",
          "[auth][roles]")
{
    Accounts a;
    a.loginAs(u"officer"_s);
    REQUIRE(Auth::changePassword(*a.session, u"officer"_s, u"officer-New-Pass-1"_s).ok());
    auto other = Auth::changePassword(*a.session, u"verifier"_s, u"hijacked-password"_s);
    checkRefused(other, ErrorCode::Forbidden);
    CHECK(other.error().message.contains(u"admin"_s));

    a.reopen();
    // Without a login, nobody's password changes.
    checkRefused(Auth::changePassword(*a.session, u"officer"_s, u"anonymous-change"_s),
                 ErrorCode::Unauthenticated);
    checkRefused(a.login(u"officer"_s), ErrorCode::Unauthenticated); // the old one is gone
    REQUIRE(a.login(u"officer"_s, u"officer-New-Pass-1"_s).ok());
    checkRefused(a.login(u"verifier"_s, u"hijacked-password"_s), ErrorCode::Unauthenticated);
    REQUIRE(a.login(u"verifier"_s).ok());

    a.loginAs(u"admin"_s);
    REQUIRE(Auth::changePassword(*a.session, u"verifier"_s, u"set-by-the-admin"_s).ok());
    checkRefused(Auth::changePassword(*a.session, u"nobody"_s, u"set-by-the-admin"_s),
                 ErrorCode::NotFound);
    a.reopen();
    checkRefused(a.login(u"verifier"_s), ErrorCode::Unauthenticated);
    CHECK(a.login(u"verifier"_s, u"set-by-the-admin"_s).ok());
    // The new hash is Argon2id too.
    CHECK(a.session->users().passwordHash(u"verifier"_s).value()->startsWith(u"$argon2id$"_s));
}

TEST_CASE("Auth: account changes are in the audit log, and the log stays intact", "[auth][audit]")
{
    Accounts a;
    a.loginAs(u"admin"_s);
    REQUIRE(Auth::setDisabled(*a.session, u"viewer"_s, true).ok());
    REQUIRE(Auth::changePassword(*a.session, u"officer"_s, u"officer-changed-pw"_s).ok());
    for (int i = 0; i < Auth::MaxFailures; ++i)
        checkRefused(a.login(u"manager"_s, u"bad-password"_s), ErrorCode::Unauthenticated);
    a.loginAs(u"admin"_s);
    REQUIRE(Auth::unlock(*a.session, u"manager"_s).ok());

    auto entries = a.session->audit().entries();
    REQUIRE(entries.ok());
    QStringList actions;
    for (const AuditEntry& e : entries.value())
        actions << e.action;
    CHECK(actions.count(u"user.add"_s) == 5);
    CHECK(actions.count(u"user.disable"_s) == 1);
    CHECK(actions.count(u"user.passwd"_s) == 1);
    CHECK(actions.count(u"user.locked"_s) == 1);
    CHECK(actions.count(u"user.unlock"_s) == 1);
    for (const AuditEntry& e : entries.value()) {
        if (e.action == u"user.disable"_s || e.action == u"user.unlock"_s)
            CHECK(e.user == u"admin"_s);
    }
    auto report = a.session->audit().verify();
    REQUIRE(report.ok());
    INFO(report->problems.join(u'\n').toStdString());
    CHECK(report->problems.isEmpty());
}

TEST_CASE("Auth: no password is ever stored or logged as text", "[auth][audit]")
{
    Accounts a;
    const QStringList secrets{u"Zebra-Quartz-9173"_s, u"Mango-Violet-4451"_s,
                              u"Wrong-Guess-Kiwi-55"_s, u"Another-Wrong-Guess-77"_s};
    a.loginAs(u"admin"_s);
    REQUIRE(
        Auth::addUser(*a.session, Accounts::user(u"zebra"_s, {Role::Officer}), secrets[0]).ok());
    REQUIRE(Auth::changePassword(*a.session, u"officer"_s, secrets[1]).ok());
    checkRefused(a.login(u"zebra"_s, secrets[2]), ErrorCode::Unauthenticated);
    checkRefused(a.login(u"nobody"_s, secrets[3]), ErrorCode::Unauthenticated);
    REQUIRE(a.login(u"zebra"_s, secrets[0]).ok());
    REQUIRE(a.login(u"officer"_s, secrets[1]).ok());

    // Nor in the audit log ...
    auto entries = a.session->audit().entries();
    REQUIRE(entries.ok());
    for (const AuditEntry& e : entries.value()) {
        const QByteArray all = e.action.toUtf8() + e.user.toUtf8() + e.rowId.toUtf8() +
                               e.oldValues + e.newValues + e.details;
        for (const QString& secret : secrets) {
            INFO("audit entry " << e.seq << ": " << all.toStdString());
            CHECK_FALSE(all.contains(secret.toUtf8()));
        }
    }
    // ... nor anywhere in the file, as UTF-8 or UTF-16, once the session has closed.
    a.session.reset();
    QByteArray bytes;
    const QDir folder = QFileInfo(a.path).dir();
    for (const QString& name : folder.entryList(QDir::Files)) // the database and any journal
        bytes += test::readFile(folder.filePath(name));
    REQUIRE(bytes.size() > 4096);
    REQUIRE(bytes.contains("$argon2id$"));
    for (const QString& secret : secrets) {
        INFO(secret.toStdString());
        CHECK_FALSE(bytes.contains(secret.toUtf8()));
        const QByteArray utf16(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2);
        CHECK_FALSE(bytes.contains(utf16));
        CHECK_FALSE(bytes.toLower().contains(secret.toLower().toUtf8()));
    }
    // The demo password has been used for no one here, and the account passwords of the
    // fixture are not in the file either.
    for (const QString& name : {u"admin"_s, u"officer"_s, u"verifier"_s})
        CHECK_FALSE(bytes.contains(Accounts::passwordOf(name).toUtf8()));
}

TEST_CASE("Password: a seeded salt gives libsodium's encoded form, checked like any other",
          "[auth][password]")
{
    const QByteArray salt = QByteArray::fromHex("00112233445566778899aabbccddeeff");
    auto a = Password::hashWithSalt(u"psic-demo"_s, Password::Cost::Minimum, salt);
    auto b = Password::hashWithSalt(u"psic-demo"_s, Password::Cost::Minimum, salt);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.value() == b.value()); // the demo's content depends on its seed only
    CHECK(a->startsWith(u"$argon2id$v=19$m=8,t=1,p=1$ABEiM0RVZneImaq7zN3u/w$"_s));
    CHECK(Password::verify(a.value(), u"psic-demo"_s));
    CHECK_FALSE(Password::verify(a.value(), u"psic-demo!"_s));
    CHECK_FALSE(Password::hashWithSalt(u"x"_s, Password::Cost::Minimum, "short").ok());
}
