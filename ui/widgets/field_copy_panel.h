#pragma once

#include "core/package/field_package.h"
#include "core/package/field_return.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace dli::ui {

class Workspace;

// The Field packages page on a laptop: which package this working copy was opened from (id,
// assignee, made by and when, what it holds) and "Make return...", which seals the changes made
// here for the office. Packages are made and returns imported at the office, not here.
class FieldCopyPanel : public QWidget {
    Q_OBJECT
public:
    FieldCopyPanel(Workspace& workspace, const PackageManifest& package, QWidget* parent = nullptr);

    // Seals the return in the background (no dialog) and says what it holds; an error is
    // reported through the workspace and returned.
    Result<ReturnManifest> makeReturn(const QString& path, const QByteArray& passphrase);
    // Passphrase twice, a file name, then makeReturn.
    void chooseAndMake();
    // Real returns take Moderate; tests seal with Minimum.
    void setKeyCost(SealedArchive::KeyCost cost) { m_cost = cost; }

    QPushButton* makeButton() const { return m_make; }
    QLabel* packageLabel() const { return m_package; }
    QLabel* resultLabel() const { return m_result; }

private:
    Workspace& m_ws;
    PackageManifest m_manifest;
    SealedArchive::KeyCost m_cost = SealedArchive::KeyCost::Moderate;
    QLabel* m_package = nullptr;
    QPushButton* m_make = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace dli::ui
