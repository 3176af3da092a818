#include "core/io/json_fields.h"

#include <QLocale>
#include <cmath>

using namespace Qt::StringLiterals;

namespace dli {

JsonFields::JsonFields(const QJsonObject& object, QString path, QStringList& errors)
    : m_object(object), m_path(std::move(path)), m_errors(errors)
{}

QString JsonFields::pathOf(const QString& key) const
{
    return m_path.isEmpty() ? key : m_path + u'.' + key;
}

bool JsonFields::has(const QString& key) const
{
    const QJsonValue v = m_object.value(key);
    return !v.isUndefined() && !v.isNull();
}

void JsonFields::error(const QString& key, const QString& message)
{
    m_errors << pathOf(key) + u": "_s + message;
}

QJsonValue JsonFields::take(const QString& key)
{
    m_read.insert(key);
    return m_object.value(key);
}

QString JsonFields::describe(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return u'"' + v.toString() + u'"';
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Array:
        return tr("a list");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

Result<QString> JsonFields::numberText(const QJsonValue& v)
{
    if (v.isDouble()) {
        const QVariant raw = v.toVariant();
        if (raw.typeId() == QMetaType::LongLong)
            return QString::number(raw.toLongLong());
        const QString text = QString::number(v.toDouble(), 'f', QLocale::FloatingPointShortest);
        // Beyond 15 significant digits the double may not hold the number the file has.
        if (significantDigits(text) > ExactNumberDigits)
            return Error(ErrorCode::InvalidInput,
                         tr("a number with more than %1 significant digits (about %2) is not read "
                            "exactly from a JSON number; write it as a decimal string in quotes, "
                            "such as \"1234567.89\"")
                             .arg(ExactNumberDigits)
                             .arg(text));
        return text;
    }
    if (v.isString())
        return v.toString();
    return Error(ErrorCode::InvalidInput, tr("expected a number, got %1").arg(describe(v)));
}

int JsonFields::significantDigits(QStringView decimalText)
{
    QString digits;
    for (const QChar c : decimalText) {
        if (c.isDigit())
            digits += c;
        else if (c == u'e' || c == u'E')
            break;
    }
    qsizetype first = 0;
    while (first < digits.size() && digits[first] == u'0')
        ++first;
    qsizetype last = digits.size();
    while (last > first && digits[last - 1] == u'0')
        --last;
    return static_cast<int>(last - first);
}

QString JsonFields::text(const QString& key, bool required, const QString& fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            error(key, tr("required field is missing"));
        return fallback;
    }
    if (!v.isString()) {
        error(key, tr("expected text, got %1").arg(describe(v)));
        return fallback;
    }
    const QString s = v.toString().trimmed();
    if (required && s.isEmpty())
        error(key, tr("must not be empty"));
    return s;
}

bool JsonFields::boolean(const QString& key, bool fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        error(key, tr("expected true or false, got %1").arg(describe(v)));
        return fallback;
    }
    return v.toBool();
}

std::optional<int> JsonFields::integer(const QString& key, bool required, int fallback, int min,
                                       int max)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull()) {
        if (required) {
            error(key, tr("required field is missing"));
            return std::nullopt;
        }
        return fallback;
    }
    const double d = v.toDouble();
    if (!v.isDouble() || d != std::trunc(d)) {
        error(key, tr("expected a whole number, got %1").arg(describe(v)));
        return std::nullopt;
    }
    if (d < min || d > max) {
        error(key, tr("must lie between %1 and %2, got %3").arg(min).arg(max).arg(describe(v)));
        return std::nullopt;
    }
    return static_cast<int>(d);
}

std::optional<Decimal> JsonFields::decimal(const QString& key, bool required,
                                           std::optional<Decimal> fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            error(key, tr("required field is missing"));
        return fallback;
    }
    auto text = numberText(v);
    if (!text) {
        error(key, text.error().message);
        return std::nullopt;
    }
    auto d = Decimal::parse(text.value());
    if (!d) {
        error(key, d.error().message);
        return std::nullopt;
    }
    return d.value();
}

std::optional<Money> JsonFields::money(const QString& key, int minorDigits, bool required)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            error(key, tr("required field is missing"));
        return std::nullopt;
    }
    auto text = numberText(v);
    if (!text) {
        error(key, text.error().message);
        return std::nullopt;
    }
    auto m = Money::parse(text.value(), minorDigits);
    if (!m) {
        error(key, m.error().message);
        return std::nullopt;
    }
    return m.value();
}

std::optional<QDate> JsonFields::date(const QString& key, bool required)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            error(key, tr("required field is missing"));
        return std::nullopt;
    }
    const QDate d = v.isString() ? QDate::fromString(v.toString(), u"yyyy-MM-dd"_s) : QDate();
    if (!d.isValid()) {
        error(key, tr("expected a date written YYYY-MM-DD, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return d;
}

std::optional<Period> JsonFields::period(const QString& key, int startMonth, bool required)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            error(key, tr("required field is missing"));
        return std::nullopt;
    }
    if (!v.isString()) {
        error(key,
              tr("expected a period such as \"FY2025\" or \"FY2025-Q1\", got %1").arg(describe(v)));
        return std::nullopt;
    }
    auto p = Period::parse(v.toString(), startMonth);
    if (!p) {
        error(key, p.error().message);
        return std::nullopt;
    }
    return p.value();
}

QJsonArray JsonFields::array(const QString& key, bool required)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            error(key, tr("required field is missing"));
        return {};
    }
    if (!v.isArray()) {
        error(key, tr("expected a list, got %1").arg(describe(v)));
        return {};
    }
    return v.toArray();
}

std::optional<QJsonObject> JsonFields::object(const QString& key, bool required)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            error(key, tr("required field is missing"));
        return std::nullopt;
    }
    if (!v.isObject()) {
        error(key, tr("expected an object, got %1").arg(describe(v)));
        return std::nullopt;
    }
    return v.toObject();
}

QStringList JsonFields::textList(const QString& key)
{
    QStringList out;
    const QJsonArray a = array(key, false);
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isString())
            m_errors << pathOf(key) + u'[' + QString::number(i) + u"]: "_s +
                            tr("expected text, got %1").arg(describe(a[i]));
        else
            out << a[i].toString();
    }
    return out;
}

void JsonFields::finish()
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_read.contains(it.key()))
            error(it.key(),
                  tr("unknown field (check its spelling against docs/program-format.md)"));
    }
}

} // namespace dli
