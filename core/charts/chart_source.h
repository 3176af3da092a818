#pragma once

#include "core/engine/disbursement.h"
#include "core/model/program.h"
#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <optional>

namespace dli {

class Session;

// What the charts of one moment read: the store as of `asOf`, as known at `knownAt` (as it
// stands when invalid). The replay of the workflow (Disbursements::inputs) is made once and
// shared by every chart drawn from the same source, e.g. the ten or so charts of a report.
class ChartSource {
public:
    ChartSource(Session& session, const Program& program, const QDate& asOf,
                const QDateTime& knownAt = {})
        : m_session(session), m_program(program), m_asOf(asOf), m_knownAt(knownAt)
    {}
    // A source whose replay is already made (a report has it): `input` must be the store as
    // of asOf and known at knownAt, and `result` the engine's result on it.
    ChartSource(Session& session, const Program& program, const DisbursementEngine::Input& input,
                const Disbursement& result)
        : m_session(session), m_program(program), m_asOf(input.asOf), m_knownAt(input.knownAt),
          m_input(input), m_result(result)
    {}

    Session& session() const { return m_session; }
    const Program& program() const { return m_program; }
    const QDate& asOf() const { return m_asOf; }
    const QDateTime& knownAt() const { return m_knownAt; }

    // Every observation: as it stood at knownAt, or as it stands.
    Result<QList<Observation>> observations();
    // The engine's input and result as of asOf, known at knownAt.
    Result<DisbursementEngine::Input> input();
    Result<Disbursement> disbursement();

private:
    Session& m_session;
    const Program& m_program;
    QDate m_asOf;
    QDateTime m_knownAt;
    std::optional<DisbursementEngine::Input> m_input;
    std::optional<Disbursement> m_result;
};

} // namespace dli
