#include "ui/models/field_row_labels.h"

#include "core/model/program.h"
#include "core/storage/session.h"
#include "core/workflow/samples.h"

using namespace Qt::StringLiterals;

namespace dli::ui {

void FieldRowLabels::load(Session& session, const Program* program)
{
    m_observations.clear();
    m_sampleObservation.clear();
    m_items.clear();
    const int startMonth = program ? program->fiscalYearStartMonth : Period::DefaultStartMonth;
    if (auto all = session.observations().all()) {
        for (const Observation& o : all.value()) {
            QStringList parts{o.indicator, o.orgUnit, o.period.label(startMonth)};
            if (!o.category.isEmpty())
                parts << o.category;
            m_observations.insert(o.id, parts.join(u" · "_s));
        }
    }
    if (!program)
        return;
    if (auto samples = Samples(session, *program).all()) {
        for (const Sample& s : samples.value()) {
            m_sampleObservation.insert(s.id, s.observationId);
            for (const SampleItem& item : s.items)
                m_items.insert(item.id, Item{s.id, item.position, item.key});
        }
    }
}

QString FieldRowLabels::observationLabel(const QString& id) const
{
    const auto it = m_observations.constFind(id);
    return it != m_observations.constEnd() ? it.value() : id.left(8);
}

QString FieldRowLabels::label(const QString& table, const QString& rowId) const
{
    if (table == "observations"_L1)
        return tr("Observation %1").arg(observationLabel(rowId));
    if (table == "samples"_L1 && m_sampleObservation.contains(rowId))
        return tr("Sample of %1").arg(observationLabel(m_sampleObservation.value(rowId)));
    if (table == "sample_items"_L1 && m_items.contains(rowId)) {
        const Item& item = m_items[rowId];
        return tr("Row %1 (%2) in the sample of %3")
            .arg(item.position)
            .arg(item.key, observationLabel(m_sampleObservation.value(item.sample)));
    }
    return table + u' ' + rowId.left(8);
}

QString FieldRowLabels::observationOf(const QString& table, const QString& rowId) const
{
    if (table == "observations"_L1)
        return rowId;
    if (table == "samples"_L1)
        return m_sampleObservation.value(rowId);
    if (table == "sample_items"_L1 && m_items.contains(rowId))
        return m_sampleObservation.value(m_items[rowId].sample);
    return {};
}

} // namespace dli::ui
