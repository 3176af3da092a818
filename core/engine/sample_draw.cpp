#include "core/engine/sample_draw.h"

#include <QCryptographicHash>
#include <QSet>
#include <algorithm>
#include <utility>

namespace dli {

QString SampleDraw::rank(const QString& seed, const QString& key)
{
    const QByteArray text = seed.toUtf8() + ':' + key.toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

QStringList SampleDraw::draw(const QString& seed, const QStringList& keys, qsizetype n)
{
    QList<std::pair<QString, QString>> ranked; // (rank, key)
    QSet<QString> seen;
    for (const QString& key : keys) {
        if (seen.contains(key))
            continue;
        seen.insert(key);
        ranked.append({rank(seed, key), key});
    }
    // Ranks are distinct for distinct keys in practice; the key breaks a tie all the same.
    std::sort(ranked.begin(), ranked.end());
    QStringList out;
    for (qsizetype i = 0; i < ranked.size() && i < n; ++i)
        out << ranked[i].second;
    return out;
}

} // namespace dli
