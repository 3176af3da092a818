#pragma once

#include "core/package/field_package.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTreeWidget;
class QPushButton;

namespace dli::ui {

class FieldRowLabels;
class Workspace;

// "Package out": the office cuts a verifier's visit into an encrypted file for their laptop.
// The assignee (an enabled verifier), the org units and open samples to take, then "Make
// package...": a passphrase typed twice, where to save it, and the sealing in the background.
// For verifiers, managers and administrators; the others see why not.
class FieldPackageOutPanel : public QWidget {
    Q_OBJECT
public:
    explicit FieldPackageOutPanel(Workspace& workspace, QWidget* parent = nullptr);

    // Reads the verifiers, org units and open samples again, keeping what was ticked.
    void reload(const FieldRowLabels& labels);

    // What the ticked boxes ask for.
    FieldPackage::Request request() const;
    // Makes the package in the background (no dialog), shows what it holds and returns its
    // manifest; an error is reported through the workspace and returned.
    Result<PackageManifest> makePackage(const FieldPackage::Request& request, const QString& path,
                                        const QByteArray& passphrase);
    // Passphrase twice, a file name, then makePackage.
    void chooseAndMake();
    // Real packages take Moderate; tests seal with Minimum.
    void setKeyCost(SealedArchive::KeyCost cost) { m_cost = cost; }

    // For tests and the page: tick an org unit (by code) or a sample (by id); false if absent.
    bool setChecked(const QString& key, bool checked);
    bool setAssignee(const QString& name);

    QComboBox* assigneeCombo() const { return m_assignee; }
    QTreeWidget* unitList() const { return m_units; }
    QTreeWidget* sampleList() const { return m_samples; }
    QPushButton* makeButton() const { return m_make; }
    QLabel* resultLabel() const { return m_result; }

    // Why the user may not make packages, or empty.
    QString blockedReason() const;
    void updateState();

private:
    Workspace& m_ws;
    SealedArchive::KeyCost m_cost = SealedArchive::KeyCost::Moderate;
    QComboBox* m_assignee = nullptr;
    QTreeWidget* m_units = nullptr;
    QTreeWidget* m_samples = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_make = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace dli::ui
