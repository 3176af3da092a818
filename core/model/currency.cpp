#include "core/model/currency.h"

#include <QStringList>
#include <array>

namespace dli {

namespace {

struct Known {
    const char16_t* code;
    int minorDigits;
    const char16_t* symbol;
};

// World Bank operations are denominated in these; XDR is the IMF's special drawing right.
constexpr std::array kKnown{
    Known{u"USD", 2, u"US$"},  Known{u"PKR", 2, u"PKR "}, Known{u"EUR", 2, u"EUR "},
    Known{u"GBP", 2, u"GBP "}, Known{u"XDR", 2, u"SDR "}, Known{u"JPY", 0, u"JPY "},
};

} // namespace

std::optional<Currency> Currency::forCode(const QString& code)
{
    for (const Known& k : kKnown) {
        if (code == QStringView(k.code))
            return Currency{QString::fromUtf16(k.code), k.minorDigits,
                            QString::fromUtf16(k.symbol)};
    }
    return std::nullopt;
}

QStringList Currency::knownCodes()
{
    QStringList codes;
    for (const Known& k : kKnown)
        codes << QString::fromUtf16(k.code);
    return codes;
}

} // namespace dli
