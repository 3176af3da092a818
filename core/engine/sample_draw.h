#pragma once

#include <QString>
#include <QStringList>

namespace dli {

// The reproducible sample of register rows a verifier checks (DOMAIN.md, "Sample
// verification"): the candidate rows are ranked by the lowercase hex SHA-256 of
// "<seed>:<row key>" (UTF-8) and the first n are taken. Anyone can redo the draw in any
// language; docs/sampling.md shows it in five lines of Python.
class SampleDraw {
public:
    // The lowercase hex SHA-256 of "<seed>:<key>".
    static QString rank(const QString& seed, const QString& key);
    // The first n keys by rank (all of them when there are fewer); a key given twice counts once.
    static QStringList draw(const QString& seed, const QStringList& keys, qsizetype n);
};

} // namespace dli
