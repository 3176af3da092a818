// Fixtures shared by the GUI tests: a copy of the demo opened as one of its accounts, with a
// Workspace as the main window would make it, and screenshots saved for people to look at.
#pragma once

#include "core/io/demo.h"
#include "core/storage/session.h"
#include "support/test_support.h"
#include "ui/workspace.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPixmap>
#include <QTemporaryDir>
#include <QWidget>
#include <memory>

namespace dli::test::ui {

// A copy of the demo, opened as one of its accounts (admin, officer, verifier, manager,
// viewer), with the demo's clock (2026-07-01 09:00 UTC) unless another is set, and a Workspace
// whose errors are recorded instead of shown.
class DemoWorkspace {
public:
    explicit DemoWorkspace(const QString& user = QStringLiteral("viewer"),
                           const QDateTime& now = Demo::fixedNow())
        : m_clock(std::make_shared<QDateTime>(now))
    {
        REQUIRE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("copy.dlidb"));
        REQUIRE(QFile::copy(dli::test::demoTemplate(), m_path));
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
        SessionOptions options;
        auto clock = m_clock;
        options.now = [clock] {
            return *clock;
        };
        options.minimumPasswordCost = true;
        auto s = Session::open(m_path, options);
        if (!s)
            FAIL(s.error().text().toStdString());
        session = std::move(s).value();
        actAs(user);
        workspace = std::make_unique<dli::ui::Workspace>(*session);
        workspace->setErrorPresenter([this](const QString& title, const QString& text) {
            errors << title + QStringLiteral(": ") + text;
        });
    }

    // Acts as another of the demo's accounts from now on.
    void actAs(const QString& name)
    {
        auto user = session->users().find(name);
        REQUIRE(user.ok());
        if (!user.value())
            FAIL("no demo user " << name.toStdString());
        session->setCurrentUser(*user.value());
    }
    void setNow(const QDateTime& now) { *m_clock = now; }
    const QString& path() const { return m_path; }
    QString dirPath(const QString& name) const { return m_dir.filePath(name); }

    std::unique_ptr<Session> session;
    std::unique_ptr<dli::ui::Workspace> workspace;
    QStringList errors; // "title: text" of every error the pages reported

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::shared_ptr<QDateTime> m_clock;
};

// Shows the widget at the size, lets it paint, and saves what the user would see as
// DLI_SCREENSHOT_DIR/name (look at it after the run).
inline void screenshot(QWidget& w, const QString& name, const QSize& size = QSize(1280, 800))
{
    w.resize(size);
    w.show();
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    const QString dir = QString::fromUtf8(DLI_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    const QPixmap shot = w.grab();
    REQUIRE_FALSE(shot.isNull());
    REQUIRE(shot.save(dir + u'/' + name));
}

} // namespace dli::test::ui
