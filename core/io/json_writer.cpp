#include "core/io/json_writer.h"

#include "core/io/json_fields.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dli {

namespace {

QByteArray quoted(const QString& s)
{
    // Let Qt do JSON's escaping rules: write a one-element array and strip the brackets.
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

} // namespace

JsonNode JsonNode::string(const QString& s)
{
    JsonNode n(Kind::String);
    n.m_scalar = s;
    return n;
}

JsonNode JsonNode::number(const QString& decimalText)
{
    // A fraction with more digits than a double keeps exactly is written as a decimal string,
    // so that every reader (ours refuses such JSON numbers) gets the exact value.
    if (decimalText.contains(u'.') &&
        JsonFields::significantDigits(decimalText) > JsonFields::ExactNumberDigits)
        return string(decimalText);
    JsonNode n(Kind::Number);
    n.m_scalar = decimalText;
    return n;
}

JsonNode JsonNode::boolean(bool b)
{
    JsonNode n(Kind::Bool);
    n.m_scalar = b ? QStringLiteral("true") : QStringLiteral("false");
    return n;
}

JsonNode& JsonNode::add(const QString& key, JsonNode value)
{
    m_members.append({key, std::move(value)});
    return *this;
}

JsonNode& JsonNode::append(JsonNode value)
{
    m_items.append(std::move(value));
    return *this;
}

QByteArray JsonNode::toJson() const
{
    QByteArray out;
    write(out, 0);
    out += '\n';
    return out;
}

void JsonNode::write(QByteArray& out, int indent) const
{
    const QByteArray pad(indent + 4, ' ');
    const QByteArray closePad(indent, ' ');
    switch (m_kind) {
    case Kind::Object:
        if (m_members.isEmpty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        for (qsizetype i = 0; i < m_members.size(); ++i) {
            out += pad + quoted(m_members[i].first) + ": ";
            m_members[i].second.write(out, indent + 4);
            out += i + 1 < m_members.size() ? ",\n" : "\n";
        }
        out += closePad + '}';
        return;
    case Kind::Array:
        if (m_items.isEmpty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            out += pad;
            m_items[i].write(out, indent + 4);
            out += i + 1 < m_items.size() ? ",\n" : "\n";
        }
        out += closePad + ']';
        return;
    case Kind::String:
        out += quoted(m_scalar);
        return;
    case Kind::Number:
    case Kind::Bool:
        out += m_scalar.toUtf8();
        return;
    case Kind::Null:
        out += "null";
        return;
    }
}

} // namespace dli
