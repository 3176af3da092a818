#pragma once

#include "core/model/observation.h"
#include "core/model/program.h"
#include "core/result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <optional>

namespace dli {
class Session;
}

namespace dli::ui {

// The observations grid of the Data page: every stored observation that passes the filters
// (period, indicator, org unit with the units below it, state), with its verified value, how
// many evidence files it has and where the figure comes from. A program holds thousands of
// observations at most, so they are read whole; reload() turns what changed into precise row
// signals.
class ObservationTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IndicatorColumn,
        PeriodColumn,
        OrgUnitColumn,
        CategoryColumn,
        ValueColumn,
        VerifiedColumn,
        StateColumn,
        ReporterColumn,
        EvidenceColumn,
        SourceColumn,
        ColumnCount
    };
    struct Filter {
        std::optional<Period> period; // a year also keeps its quarters
        QString indicator;
        QString orgUnit; // and the units below it
        QString state;
        friend bool operator==(const Filter&, const Filter&) = default;
    };

    explicit ObservationTableModel(Session& session, QObject* parent = nullptr);

    void setProgram(const Program* program);
    void setFilter(const Filter& filter);
    const Filter& filter() const { return m_filter; }
    // Reads the observations again; rows that stay keep their place.
    Status reload();

    const Observation* observation(int row) const;
    int evidenceCount(int row) const;
    // The row of an observation, or -1 when it is not shown.
    int rowOf(const QString& id) const;
    // A state as people read it: "Draft", "Submitted" ...
    static QString stateLabel(const QString& state);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        Observation o;
        int evidence = 0;
        friend bool operator==(const Row&, const Row&) = default;
    };
    bool passes(const Row& row) const;
    void show(QList<Row> rows);
    QVariant display(const Row& row, int column) const;

    Session& m_session;
    const Program* m_program = nullptr;
    Filter m_filter;
    QList<Row> m_all;
    QList<Row> m_rows;   // those that pass the filter, in the order stored
    QStringList m_units; // the filter's org unit and every unit below it
};

} // namespace dli::ui
