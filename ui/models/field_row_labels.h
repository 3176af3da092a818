#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace dli {
class Session;
struct Program;
} // namespace dli

namespace dli::ui {

// Names the rows field changes and conflicts are about as people know them ("Observation
// TRN-01 · SKT-SURG · 2025-26 Q3") instead of by id, and finds the observation a row belongs to,
// for "Edit..." to open it on the Verification page. Read through core (observations, samples).
class FieldRowLabels {
    Q_DECLARE_TR_FUNCTIONS(FieldRowLabels)
public:
    void load(Session& session, const Program* program);

    // For a table and row id as field changes name them (observations, samples, sample_items,
    // evidence...); falls back to "table 1a2b3c4d".
    QString label(const QString& table, const QString& rowId) const;
    // The observation the row belongs to (an observation, a sample's, a sample row's), or empty.
    QString observationOf(const QString& table, const QString& rowId) const;

private:
    QString observationLabel(const QString& id) const;

    QHash<QString, QString> m_observations;      // id -> "TRN-01 · SKT-SURG · 2025-26 Q3"
    QHash<QString, QString> m_sampleObservation; // sample id -> observation id
    struct Item {
        QString sample;
        int position = 0;
        QString key;
    };
    QHash<QString, Item> m_items; // sample item id -> its sample and place
};

} // namespace dli::ui
