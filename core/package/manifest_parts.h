#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringView>
#include <optional>

namespace dli::package {

// The parts list both manifests (package and return) carry: entry name -> SHA-256 of its bytes.
QString sha256Hex(const QByteArray& bytes);
QJsonObject partsJson(const QMap<QString, QString>& parts);
QMap<QString, QString> partsFrom(const QJsonObject& json);
// A manifest's JSON object, or nothing when the text is not a JSON object of that format.
std::optional<QJsonObject> manifestObject(const QByteArray& json, QStringView format);

} // namespace dli::package
