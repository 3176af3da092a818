#pragma once

#include "core/package/field_import.h"
#include "core/package/field_package.h"
#include "core/package/field_return.h"
#include "ui/models/field_row_labels.h"
#include "ui/pages/page.h"

#include <optional>

class QTabWidget;

namespace dli::ui {

class FieldConflictsPanel;
class FieldCopyPanel;
class FieldPackageOutPanel;
class FieldReturnsPanel;

// Field packages (docs/field-packages.md). At the office: packages out to the verifiers'
// laptops, their returns in, and the conflicts the returns left for a verifier. On a laptop's
// field copy: the package it came from and "Make return...". The functions below do what the
// buttons do without their dialogs, for tests and scripts.
class FieldPage : public Page {
    Q_OBJECT
public:
    explicit FieldPage(Workspace& workspace, QWidget* parent = nullptr);

    QString id() const override { return QStringLiteral("field"); }
    QString title() const override { return tr("Field packages"); }
    void refresh() override;
    void focusFind() override;
    // A conflict id (or its first 8 characters) opens it under Conflicts; an import id, under
    // Returns in.
    void showItem(const QString& item) override;

    bool isFieldCopy() const { return m_package.has_value(); }
    // The package this field copy was opened from; nothing at the office.
    const std::optional<PackageManifest>& package() const { return m_package; }

    Result<PackageManifest> makePackage(const FieldPackage::Request& request, const QString& path,
                                        const QByteArray& passphrase);
    Result<FieldImportReport> importReturn(const QString& path, const QByteArray& passphrase);
    Result<FieldConflict> resolveConflict(const QString& conflictId, QStringView keep);
    Result<ReturnManifest> makeReturn(const QString& path, const QByteArray& passphrase);
    // Real packages and returns take Moderate; tests seal with Minimum.
    void setKeyCost(SealedArchive::KeyCost cost);

    QTabWidget* tabs() const { return m_tabs; }
    FieldPackageOutPanel* packageOut() const { return m_out; }
    FieldReturnsPanel* returns() const { return m_returns; }
    FieldConflictsPanel* conflicts() const { return m_conflicts; }
    FieldCopyPanel* fieldCopy() const { return m_copy; }
    const FieldRowLabels& labels() const { return m_labels; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void storeChanged();
    void updateTabTitles();
    Error fieldCopyError() const;
    Error officeError() const;

    std::optional<PackageManifest> m_package;
    FieldRowLabels m_labels;
    QTabWidget* m_tabs = nullptr;
    FieldPackageOutPanel* m_out = nullptr;
    FieldReturnsPanel* m_returns = nullptr;
    FieldConflictsPanel* m_conflicts = nullptr;
    FieldCopyPanel* m_copy = nullptr;
    bool m_stale = false;
};

} // namespace dli::ui
