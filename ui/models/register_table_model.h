#pragma once

#include "core/model/register_fields.h"
#include "core/result.h"
#include "core/storage/register_rows.h"

#include <QAbstractTableModel>

namespace dli {
class Session;
}

namespace dli::ui {

// One register (firms, services, trainees or exports) as a table that reads its rows a page at
// a time as the view scrolls (canFetchMore/fetchMore), so that hundreds of thousands of rows
// never stall the window. Filtering and ordering happen at the source: setFilter() and sort()
// start again from the first page.
class RegisterTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int PageSize = 500;

    RegisterTableModel(Session& session, ImportKind kind, QObject* parent = nullptr);

    ImportKind kind() const { return m_query.kind; }
    const RegisterSpec& spec() const;
    void setFilter(const QString& text);
    const QString& filterText() const { return m_query.filter; }
    // Forgets what was read; the view fetches the first page again.
    void reload();
    // How many rows the register holds with the current filter (counted at the source).
    Result<std::int64_t> total();
    // Pages read since the last reset, for tests and the status line.
    int pagesFetched() const { return m_pages; }
    const RegisterRow* row(int row) const;
    // A register field's column title for people: "service_type" is "Service".
    static QString fieldTitle(const QString& field);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // A page could not be read; the model stops fetching until reload().
    void failed(const dli::Error& error);

private:
    Session& m_session;
    RegisterRows::Query m_query;
    QList<RegisterRow> m_rows;
    bool m_atEnd = false;
    int m_pages = 0;
};

} // namespace dli::ui
