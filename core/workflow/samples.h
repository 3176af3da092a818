#pragma once

#include "core/model/decimal.h"
#include "core/model/enum_names.h"
#include "core/model/program.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <array>
#include <optional>

namespace dli {

class Session;

enum class SampleOutcome { Confirmed, NotConfirmed, NotFound };

inline constexpr std::array kSampleOutcomeNames{
    EnumName<SampleOutcome>{SampleOutcome::Confirmed, u"confirmed"},
    EnumName<SampleOutcome>{SampleOutcome::NotConfirmed, u"not_confirmed"},
    EnumName<SampleOutcome>{SampleOutcome::NotFound, u"not_found"},
};

struct SampleItem {
    QString id;
    int position = 0; // 1 for the first drawn
    QString key;      // a firm code or a register row's id
    QString rank;     // SHA-256 of "<seed>:<key>"
    std::optional<SampleOutcome> outcome;
    QString note;
    QString evidenceId;
    QString recordedBy;
    QDateTime recordedAt;
};

struct Sample {
    QString id;
    QString observationId;
    QString seed;
    int size = 0;       // rows drawn
    int population = 0; // candidate rows
    QString keyKind;    // "firm code" or "<register> row id"
    QString state;      // open or closed
    QString drawnBy;
    QDateTime drawnAt;
    QString closedBy;
    QDateTime closedAt;
    std::optional<int> failed;
    std::optional<Decimal> errorRate;
    QString outcome; // verified or rejected, once closed
    QList<SampleItem> items;
};

// Sample verification (DOMAIN.md): draw register rows behind a reported figure reproducibly,
// record what the check of each found, and close: the error rate gives the verified value or
// the rejection.
class Samples {
    Q_DECLARE_TR_FUNCTIONS(Samples)
public:
    Samples(Session& session, const Program& program) : m_session(session), m_program(program) {}

    // size: the protocol's sample size when absent.
    Result<Sample> draw(const QString& observationId, const QString& seed,
                        std::optional<int> size = {});
    // evidenceId: evidence already attached to the sample's observation (a field return's).
    Status record(const QString& sampleId, const QString& key, SampleOutcome outcome,
                  const QString& note = {}, const QStringList& evidencePaths = {},
                  const QString& evidenceId = {});
    Result<Sample> close(const QString& sampleId);
    Result<Sample> find(const QString& sampleId);
    Result<QList<Sample>> forObservation(const QString& observationId);
    // Every sample, in the order they were drawn.
    Result<QList<Sample>> all();

    // floor(reported x (1 - failed / sampled)), exactly.
    static Decimal verifiedValue(const Decimal& reported, int failed, int sampled);
    // Whether failed / sampled exceeds the largest accepted error rate (equal is accepted).
    static bool exceeds(int failed, int sampled, const Decimal& maxErrorRate);
    // failed / sampled as a share, truncated to 6 decimals.
    static Decimal errorRate(int failed, int sampled);

private:
    Status writeItem(const QString& sampleId, const SampleItem& item);
    Result<QList<Sample>> select(const QString& where, const QString& bind);

    Session& m_session;
    const Program& m_program;
};

} // namespace dli
