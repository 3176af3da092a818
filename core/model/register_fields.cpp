#include "core/model/register_fields.h"

using namespace Qt::StringLiterals;

namespace dli {

namespace {

FieldSpec field(const char16_t* name, FieldType type, bool required, const QString& description,
                QStringList choices = {}, bool nonNegative = false)
{
    FieldSpec f;
    f.name = QString::fromUtf16(name);
    f.type = type;
    f.required = required;
    f.description = description;
    f.choices = std::move(choices);
    f.nonNegative = nonNegative;
    return f;
}

RegisterSpec makeObservations()
{
    using R = RegisterFields;
    RegisterSpec s;
    s.kind = ImportKind::Observations;
    s.table = u"observations"_s;
    s.title = R::tr("Reported observations");
    s.fields = {
        field(u"indicator", FieldType::Code, true, R::tr("indicator code")),
        field(u"period", FieldType::Period, true, R::tr("fiscal year or quarter, e.g. FY2025-Q1")),
        field(u"org_unit", FieldType::Code, true, R::tr("org unit code")),
        field(u"category", FieldType::Text, false,
              R::tr("disaggregation category, for indicators that have one")),
        field(u"value", FieldType::Decimal, true, R::tr("the reported value")),
        field(u"source", FieldType::Text, false, R::tr("where the figure comes from")),
        field(u"note", FieldType::Text, false, R::tr("remarks")),
    };
    s.uniqueKey = {u"indicator"_s, u"period"_s, u"org_unit"_s, u"category"_s};
    return s;
}

RegisterSpec makeFirms()
{
    using R = RegisterFields;
    RegisterSpec s;
    s.kind = ImportKind::Firms;
    s.table = u"firms"_s;
    s.title = R::tr("Firms");
    s.fields = {
        field(u"code", FieldType::Text, true, R::tr("the firm's code, unique")),
        field(u"name", FieldType::Text, true, R::tr("the firm's name")),
        field(u"cluster", FieldType::Code, true, R::tr("code of the cluster the firm belongs to")),
        field(u"district", FieldType::Text, false, R::tr("district")),
        field(u"ntn", FieldType::Text, false, R::tr("national tax number (NTN)")),
        field(u"size_class", FieldType::Choice, false, R::tr("size class"),
              {u"micro"_s, u"small"_s, u"medium"_s, u"large"_s}),
        field(u"women_owned", FieldType::Boolean, false, R::tr("owned by women: yes or no")),
        field(u"export_oriented", FieldType::Boolean, false, R::tr("export-oriented: yes or no")),
        field(u"latitude", FieldType::Latitude, false, R::tr("latitude in decimal degrees")),
        field(u"longitude", FieldType::Longitude, false, R::tr("longitude in decimal degrees")),
        field(u"contact", FieldType::Text, false, R::tr("contact person, phone or e-mail")),
    };
    s.uniqueKey = {u"code"_s};
    return s;
}

RegisterSpec makeServices()
{
    using R = RegisterFields;
    RegisterSpec s;
    s.kind = ImportKind::Services;
    s.table = u"services"_s;
    s.title = R::tr("Services delivered to firms");
    s.fields = {
        field(u"firm", FieldType::Code, true, R::tr("code of the firm served")),
        field(u"service_type", FieldType::Choice, true, R::tr("kind of service"),
              {u"training"_s, u"design"_s, u"certification"_s, u"exhibition"_s,
               u"lead_firm_linkage"_s, u"consultancy"_s, u"common_facility"_s, u"other"_s}),
        field(u"date", FieldType::Date, true, R::tr("date the service was delivered")),
        field(u"provider", FieldType::Text, false, R::tr("who delivered it")),
        field(u"cost", FieldType::Decimal, false, R::tr("cost in the program's currency"), {},
              true),
        field(u"status", FieldType::Choice, true, R::tr("status"),
              {u"planned"_s, u"ongoing"_s, u"completed"_s, u"cancelled"_s}),
    };
    s.uniqueKey = {u"firm"_s, u"service_type"_s, u"date"_s, u"provider"_s};
    return s;
}

RegisterSpec makeTrainees()
{
    using R = RegisterFields;
    RegisterSpec s;
    s.kind = ImportKind::Trainees;
    s.table = u"trainees"_s;
    s.title = R::tr("Trainees");
    s.fields = {
        field(u"person_key", FieldType::Text, true,
              R::tr("a key for the person (no names needed), e.g. a CNIC hash")),
        field(u"sex", FieldType::Choice, true, R::tr("female or male"), {u"female"_s, u"male"_s}),
        field(u"firm", FieldType::Code, false, R::tr("code of the trainee's firm, if any")),
        field(u"centre", FieldType::Code, false, R::tr("code of the design centre that trained")),
        field(u"course", FieldType::Text, true, R::tr("course")),
        field(u"date", FieldType::Date, true, R::tr("date the course ended")),
        field(u"completed", FieldType::Boolean, true, R::tr("completed: yes or no")),
    };
    s.uniqueKey = {u"person_key"_s, u"course"_s, u"date"_s};
    return s;
}

RegisterSpec makeExports()
{
    using R = RegisterFields;
    RegisterSpec s;
    s.kind = ImportKind::Exports;
    s.table = u"exports"_s;
    s.title = R::tr("Exports");
    s.fields = {
        field(u"firm", FieldType::Code, true, R::tr("code of the exporting firm")),
        field(u"period", FieldType::Period, true, R::tr("fiscal year or quarter")),
        field(u"value_pkr", FieldType::Decimal, false, R::tr("export value in rupees"), {}, true),
        field(u"value_usd", FieldType::Decimal, false, R::tr("export value in US dollars"), {},
              true),
        field(u"source", FieldType::Choice, true, R::tr("customs record or self-reported"),
              {u"customs"_s, u"self_reported"_s}),
    };
    s.uniqueKey = {u"firm"_s, u"period"_s, u"source"_s};
    return s;
}

} // namespace

const FieldSpec* RegisterSpec::field(const QString& name) const
{
    for (const FieldSpec& f : fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

int RegisterSpec::indexOf(const QString& name) const
{
    for (int i = 0; i < fields.size(); ++i) {
        if (fields[i].name == name)
            return i;
    }
    return -1;
}

const RegisterSpec& RegisterFields::spec(ImportKind kind)
{
    // Built once on first use; immutable afterwards.
    static const RegisterSpec observations = makeObservations();
    static const RegisterSpec firms = makeFirms();
    static const RegisterSpec services = makeServices();
    static const RegisterSpec trainees = makeTrainees();
    static const RegisterSpec exports = makeExports();
    switch (kind) {
    case ImportKind::Observations:
        return observations;
    case ImportKind::Firms:
        return firms;
    case ImportKind::Services:
        return services;
    case ImportKind::Trainees:
        return trainees;
    case ImportKind::Exports:
        return exports;
    }
    return firms;
}

const RegisterSpec& RegisterFields::forRegister(RegisterKind kind)
{
    switch (kind) {
    case RegisterKind::Firms:
        return spec(ImportKind::Firms);
    case RegisterKind::Services:
        return spec(ImportKind::Services);
    case RegisterKind::Trainees:
        return spec(ImportKind::Trainees);
    case RegisterKind::Exports:
        return spec(ImportKind::Exports);
    }
    return spec(ImportKind::Firms);
}

QString RegisterFields::normalizeHeader(const QString& header)
{
    QString out;
    for (const QChar c : header.trimmed().toLower()) {
        if (c == u' ' || c == u'_' || c == u'-')
            out += u'_';
        else
            out += c;
    }
    while (out.contains(u"__"_s))
        out.replace(u"__"_s, u"_"_s);
    return out;
}

std::optional<bool> RegisterFields::parseBoolean(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"yes"_s || t == u"y"_s || t == u"true"_s || t == u"1"_s)
        return true;
    if (t == u"no"_s || t == u"n"_s || t == u"false"_s || t == u"0"_s)
        return false;
    return std::nullopt;
}

} // namespace dli
