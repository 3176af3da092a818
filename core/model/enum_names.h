#pragma once

#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace dli {

// The text spelling of an enum value, as the program file and the database write it.
template <typename E> struct EnumName {
    E value;
    const char16_t* name;
};

template <typename E, std::size_t N>
QString enumToString(const std::array<EnumName<E>, N>& names, E value)
{
    for (const auto& n : names) {
        if (n.value == value)
            return QString::fromUtf16(n.name);
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> enumFromString(const std::array<EnumName<E>, N>& names, QStringView text)
{
    for (const auto& n : names) {
        if (text == QStringView(n.name))
            return n.value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
QStringList enumSpellings(const std::array<EnumName<E>, N>& names)
{
    QStringList out;
    for (const auto& n : names)
        out << QString::fromUtf16(n.name);
    return out;
}

} // namespace dli
