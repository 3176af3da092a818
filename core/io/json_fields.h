#pragma once

#include "core/model/decimal.h"
#include "core/model/enum_names.h"
#include "core/model/money.h"
#include "core/model/period.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <optional>
#include <type_traits>

namespace dli {

// Reads the fields of one JSON object, collecting every problem as "path: message" so that a
// file's errors are all reported at once. Fields the object has but nobody asked for are
// reported as unknown by finish(): a misspelt field must not be silently ignored.
class JsonFields {
    Q_DECLARE_TR_FUNCTIONS(JsonFields)
public:
    JsonFields(const QJsonObject& object, QString path, QStringList& errors);

    // Child path "path.key" or "key" at the top.
    QString pathOf(const QString& key) const;
    QString path() const { return m_path; }
    bool has(const QString& key) const;
    void error(const QString& key, const QString& message);

    QString text(const QString& key, bool required = true, const QString& fallback = {});
    bool boolean(const QString& key, bool fallback);
    std::optional<int> integer(const QString& key, bool required, int fallback, int min, int max);
    std::optional<Decimal> decimal(const QString& key, bool required,
                                   std::optional<Decimal> fallback = std::nullopt);
    std::optional<Money> money(const QString& key, int minorDigits, bool required);
    std::optional<QDate> date(const QString& key, bool required);
    std::optional<Period> period(const QString& key, int startMonth, bool required);
    QJsonArray array(const QString& key, bool required);
    // An object, or nothing when absent or null (and not required).
    std::optional<QJsonObject> object(const QString& key, bool required);
    QStringList textList(const QString& key);

    template <typename E, std::size_t N>
    E choice(const QString& key, const std::array<EnumName<E>, N>& names,
             std::optional<std::type_identity_t<E>> fallback)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull()) {
            if (!fallback)
                error(key, tr("required field is missing; expected one of %1")
                               .arg(enumSpellings(names).join(QStringLiteral(", "))));
            return fallback.value_or(names[0].value);
        }
        if (v.isString()) {
            if (auto e = enumFromString(names, v.toString()))
                return *e;
        }
        error(key, tr("expected one of %1; got %2")
                       .arg(enumSpellings(names).join(QStringLiteral(", ")), describe(v)));
        return fallback.value_or(names[0].value);
    }

    // Reports the fields that were never read.
    void finish();

    // How a JSON value is quoted in a message: "400 firms", 12, true, a list, an object.
    static QString describe(const QJsonValue& v);
    // Decimal text from a JSON number or decimal string, or an error message.
    static Result<QString> numberText(const QJsonValue& v);
    // A JSON number with a fraction is parsed into a binary double, which keeps this many
    // significant digits exactly; longer values must be written as decimal strings.
    static constexpr int ExactNumberDigits = 15;
    // The digits that carry a decimal's value: no sign, point, leading or trailing zeros.
    static int significantDigits(QStringView decimalText);

private:
    QJsonValue take(const QString& key);

    QJsonObject m_object;
    QString m_path;
    QStringList& m_errors;
    QSet<QString> m_read;
};

} // namespace dli
