#include "core/report/report_xlsx_formats.h"

namespace dli {

lxw_format* ReportXlsxFormats::get(const QString& numFormat, int flags)
{
    if (numFormat.isEmpty() && flags == 0)
        return nullptr;
    const QString key = numFormat + u'|' + QString::number(flags);
    if (lxw_format* known = m_formats.value(key))
        return known;
    lxw_format* format = workbook_add_format(m_book);
    if (!format)
        return nullptr;
    if (!numFormat.isEmpty())
        format_set_num_format(format, numFormat.toUtf8().constData());
    if (flags & (Bold | Header | Title | Heading))
        format_set_bold(format);
    if (flags & Header)
        format_set_bottom(format, LXW_BORDER_THIN);
    if (flags & Wrap)
        format_set_text_wrap(format);
    if (flags & Right)
        format_set_align(format, LXW_ALIGN_RIGHT);
    if (flags & Left)
        format_set_align(format, LXW_ALIGN_LEFT);
    if (flags & Top)
        format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    if (flags & Indent)
        format_set_indent(format, 1);
    if (flags & Italic)
        format_set_italic(format);
    if (flags & Title)
        format_set_font_size(format, 12);
    if (flags & Heading)
        format_set_font_size(format, 14);
    m_formats.insert(key, format);
    return format;
}

} // namespace dli
