#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace dli {

// A JSON value that keeps its object keys in the order they were added, so that exported files
// read like the documentation, and that writes numbers from exact decimal text (never through a
// double).
class JsonNode {
public:
    static JsonNode object() { return JsonNode(Kind::Object); }
    static JsonNode array() { return JsonNode(Kind::Array); }
    static JsonNode string(const QString& s);
    // Decimal text such as "1234567.89", written as a JSON number (as a string when it has a
    // fraction and more than 15 significant digits, which a double would not keep).
    static JsonNode number(const QString& decimalText);
    static JsonNode number(qint64 value) { return number(QString::number(value)); }
    static JsonNode boolean(bool b);
    static JsonNode null() { return JsonNode(Kind::Null); }

    JsonNode& add(const QString& key, JsonNode value);
    JsonNode& append(JsonNode value);

    // Indented with four spaces, a newline at the end.
    QByteArray toJson() const;

private:
    enum class Kind { Object, Array, String, Number, Bool, Null };
    explicit JsonNode(Kind kind) : m_kind(kind) {}
    void write(QByteArray& out, int indent) const;

    Kind m_kind;
    QString m_scalar;
    QList<QPair<QString, JsonNode>> m_members;
    QList<JsonNode> m_items;
};

} // namespace dli
