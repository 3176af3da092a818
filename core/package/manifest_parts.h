#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace dli::package {

// The parts list both manifests (package and return) carry: entry name -> SHA-256 of its bytes.
QString sha256Hex(const QByteArray& bytes);
QJsonObject partsJson(const QMap<QString, QString>& parts);
QMap<QString, QString> partsFrom(const QJsonObject& json);

} // namespace dli::package
