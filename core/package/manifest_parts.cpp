#include "core/package/manifest_parts.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace dli::package {

QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QJsonObject partsJson(const QMap<QString, QString>& parts)
{
    QJsonObject out;
    for (auto it = parts.cbegin(); it != parts.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QMap<QString, QString> partsFrom(const QJsonObject& json)
{
    QMap<QString, QString> out;
    for (auto it = json.begin(); it != json.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

std::optional<QJsonObject> manifestObject(const QByteArray& json, QStringView format)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject() ||
        doc.object().value(QStringLiteral("format")).toString() != format)
        return std::nullopt;
    return doc.object();
}

} // namespace dli::package
