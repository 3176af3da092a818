#include "ui/widgets/sample_checklist.h"

#include "core/model/verification.h"
#include "ui/models/sample_items_model.h"
#include "ui/widgets/filtered_table.h"
#include "ui/workspace.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

QString percent(const Decimal& share)
{
    return (share * Decimal::fromInt(100)).toString() + u'%';
}

QLabel* wrapping(QLabel* label)
{
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

SampleChecklist::SampleChecklist(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_ws(workspace)
{
    m_intro = wrapping(new QLabel(
        tr("Draw register rows behind the figure, check each one, then close the sample: the "
           "error rate e = failed / drawn verifies the figure at floor(reported × (1 − e)), or "
           "rejects it when e is beyond the protocol's limit. The same seed always draws the same "
           "rows.")));
    m_intro->setForegroundRole(QPalette::PlaceholderText);

    m_seed = new QLineEdit;
    m_seed->setPlaceholderText(tr("Any text you record, e.g. the date and your initials"));
    m_size = new QSpinBox;
    m_size->setRange(1, 100000);
    m_size->setAccessibleName(tr("Rows to draw"));
    m_drawHint = wrapping(new QLabel);
    m_drawHint->setForegroundRole(QPalette::PlaceholderText);
    m_draw = new QPushButton(tr("D&raw sample"));
    m_draw->setObjectName(u"drawButton"_s);
    auto* drawForm = new QFormLayout;
    drawForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    drawForm->addRow(tr("&Seed:"), m_seed);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_size);
    sizeRow->addWidget(m_drawHint, 1);
    drawForm->addRow(tr("Si&ze:"), sizeRow);
    m_drawBox = new QGroupBox(tr("Draw a sample"));
    auto* drawLayout = new QHBoxLayout(m_drawBox);
    drawLayout->addLayout(drawForm, 1);
    drawLayout->addWidget(m_draw, 0, Qt::AlignBottom);

    m_progressText = wrapping(new QLabel);
    m_progressText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar;
    m_progress->setTextVisible(true);
    m_progress->setAccessibleName(tr("Rows checked"));

    m_model = new SampleItemsModel(this);
    m_table = new FilteredTable;
    m_table->setModel(m_model);
    m_table->setFilterPlaceholder(tr("Filter the drawn rows"));
    m_table->setEmptyText(tr("No sample drawn yet."));
    m_table->view()->setAccessibleName(tr("Sample checklist"));
    QHeaderView* header = m_table->view()->horizontalHeader();
    header->setStretchLastSection(false);
    for (int c = 0; c < SampleItemsModel::ColumnCount; ++c)
        header->setSectionResizeMode(c, c == SampleItemsModel::NoteColumn
                                            ? QHeaderView::Stretch
                                            : QHeaderView::ResizeToContents);

    m_note = new QLineEdit;
    m_note->setPlaceholderText(tr("What the check found (optional)"));
    m_confirmed = new QPushButton(tr("&Confirmed"));
    m_notConfirmed = new QPushButton(tr("&Not confirmed"));
    m_notFound = new QPushButton(tr("Not fo&und"));
    m_confirmed->setToolTip(tr("The row's claim holds (Alt+C)"));
    m_notConfirmed->setToolTip(tr("The row exists but its claim does not hold (Alt+N)"));
    m_notFound->setToolTip(tr("The row could not be found at all (Alt+U)"));
    m_recordRow = new QWidget;
    auto* recordLayout = new QHBoxLayout(m_recordRow);
    recordLayout->setContentsMargins(0, 0, 0, 0);
    auto* noteLabel = new QLabel(tr("No&te:"));
    noteLabel->setBuddy(m_note);
    recordLayout->addWidget(noteLabel);
    recordLayout->addWidget(m_note, 1);
    recordLayout->addWidget(m_confirmed);
    recordLayout->addWidget(m_notConfirmed);
    recordLayout->addWidget(m_notFound);

    m_closeHint = wrapping(new QLabel);
    m_close = new QPushButton(tr("C&lose sample"));
    m_close->setObjectName(u"closeSampleButton"_s);
    auto* closeRow = new QHBoxLayout;
    closeRow->addWidget(m_closeHint, 1);
    closeRow->addWidget(m_close, 0, Qt::AlignTop);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_drawBox);
    layout->addWidget(m_progressText);
    layout->addWidget(m_progress);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_recordRow);
    layout->addLayout(closeRow);

    setTabOrder(m_seed, m_size);
    setTabOrder(m_size, m_draw);
    setTabOrder(m_draw, m_table->filterEdit());
    setTabOrder(m_table->filterEdit(), m_table->view());
    setTabOrder(m_table->view(), m_note);
    setTabOrder(m_note, m_confirmed);
    setTabOrder(m_confirmed, m_notConfirmed);
    setTabOrder(m_notConfirmed, m_notFound);
    setTabOrder(m_notFound, m_close);

    connect(m_seed, &QLineEdit::textChanged, this, &SampleChecklist::updateState);
    connect(m_draw, &QPushButton::clicked, this, &SampleChecklist::draw);
    connect(m_confirmed, &QPushButton::clicked, this, [this] { record(SampleOutcome::Confirmed); });
    connect(m_notConfirmed, &QPushButton::clicked, this,
            [this] { record(SampleOutcome::NotConfirmed); });
    connect(m_notFound, &QPushButton::clicked, this, [this] { record(SampleOutcome::NotFound); });
    connect(m_close, &QPushButton::clicked, this, &SampleChecklist::closeSample);
    connect(m_table, &FilteredTable::currentSourceChanged, this, [this](const QModelIndex& index) {
        const SampleItem* item = m_model->item(index.row());
        m_note->setText(item ? item->note : QString());
        updateState();
    });
    clear(tr("Select an observation in the queue."));
}

QPushButton* SampleChecklist::outcomeButton(SampleOutcome outcome) const
{
    switch (outcome) {
    case SampleOutcome::Confirmed:
        return m_confirmed;
    case SampleOutcome::NotConfirmed:
        return m_notConfirmed;
    case SampleOutcome::NotFound:
        return m_notFound;
    }
    return nullptr;
}

void SampleChecklist::clear(const QString& why)
{
    m_observation = Observation();
    m_blocked = why;
    m_sample.reset();
    m_model->clear();
    m_progressText->setText(why);
    updateState();
}

void SampleChecklist::setObservation(const Observation& observation, const QString& blocked)
{
    const bool same = observation.id == m_observation.id;
    m_observation = observation;
    m_blocked = blocked;
    if (!same) {
        m_seed->clear();
        m_note->clear();
    }
    const Program* program = m_ws.program();
    const Dli* dli = program ? program->dliForIndicator(observation.indicator) : nullptr;
    const int protocolSize = dli ? dli->protocol.sampleSize : 0;
    if (!same)
        m_size->setValue(protocolSize > 0 ? protocolSize : 20);
    m_drawHint->setText(
        protocolSize > 0
            ? tr("the %1 protocol draws %2 rows and accepts at most %3 failing")
                  .arg(dli->code)
                  .arg(protocolSize)
                  .arg(percent(dli->protocol.maxErrorRate))
            : tr("no protocol sets a size for %1, and with none any failed row rejects the figure")
                  .arg(observation.indicator));
    reload();
}

void SampleChecklist::reload()
{
    m_sample.reset();
    const Program* program = m_ws.program();
    if (program && !m_observation.id.isEmpty()) {
        auto all = Samples(m_ws.session(), *program).forObservation(m_observation.id);
        if (!all) {
            m_ws.report(tr("Cannot read the samples"), all.error());
        } else {
            for (const Sample& s : all.value()) {
                if (s.state == u"open"_s || !m_sample || m_sample->state != u"open"_s)
                    m_sample = s;
            }
        }
    }
    if (m_sample)
        m_model->setSample(*m_sample);
    else
        m_model->clear();
    updateState();
}

QString SampleChecklist::stateText() const
{
    if (!m_sample)
        return {};
    if (m_sample->state == u"open"_s) {
        int checked = 0;
        for (const SampleItem& i : m_sample->items)
            checked += i.outcome ? 1 : 0;
        return tr("open, %1 of %2").arg(checked).arg(m_sample->size);
    }
    return tr("closed");
}

QString SampleChecklist::cannotDraw() const
{
    const Program* program = m_ws.program();
    if (!program || m_observation.id.isEmpty())
        return tr("Select an observation in the queue.");
    if (m_observation.state != ObservationState::Submitted)
        return tr("A sample is drawn for a submitted observation; this one is %1.")
            .arg(m_observation.state);
    const Indicator* x = program->indicator(m_observation.indicator);
    if (!x || x->source.kind != SourceKind::Register)
        return tr("%1 is not computed from a register, so there are no rows to sample; verify it "
                  "on its evidence.")
            .arg(m_observation.indicator);
    return {};
}

void SampleChecklist::updateState()
{
    const QString noDraw = cannotDraw();
    const bool hasOpen = m_sample && m_sample->state == u"open"_s;
    const bool mayAct = m_blocked.isEmpty();

    // Drawing: only when there is no open sample.
    m_drawBox->setVisible(!hasOpen && noDraw.isEmpty());
    const bool seedGiven = !m_seed->text().trimmed().isEmpty();
    for (QWidget* w : std::initializer_list<QWidget*>{m_seed, m_size}) {
        w->setEnabled(mayAct);
        w->setToolTip(mayAct ? QString() : m_blocked);
    }
    m_draw->setEnabled(mayAct && seedGiven);
    m_draw->setToolTip(!mayAct     ? m_blocked
                       : seedGiven ? tr("Draws the rows and records the seed with them")
                                   : tr("Give a seed first: any text the verification agent "
                                        "records, e.g. the date and their initials"));

    int checked = 0;
    int failed = 0;
    if (m_sample) {
        for (const SampleItem& i : m_sample->items) {
            checked += i.outcome ? 1 : 0;
            failed += i.outcome && *i.outcome != SampleOutcome::Confirmed ? 1 : 0;
        }
    }
    const Program* program = m_ws.program();
    const Dli* dli = program ? program->dliForIndicator(m_observation.indicator) : nullptr;
    const Decimal maxRate = dli ? dli->protocol.maxErrorRate : Decimal();

    m_progress->setVisible(m_sample.has_value());
    m_table->setVisible(m_sample.has_value());
    if (!m_sample) {
        m_progressText->setText(noDraw.isEmpty() ? tr("No sample drawn for this observation yet.")
                                                 : noDraw);
    } else if (hasOpen) {
        m_progressText->setText(
            tr("Sample drawn by %1 on %2 with seed \"%3\": %4 of %5 candidate rows (%6). %7 of %8 "
               "checked, %9 failed.")
                .arg(m_sample->drawnBy, m_sample->drawnAt.toString(u"yyyy-MM-dd"_s), m_sample->seed)
                .arg(m_sample->size)
                .arg(m_sample->population)
                .arg(m_sample->keyKind)
                .arg(checked)
                .arg(m_sample->size)
                .arg(failed));
    } else {
        m_progressText->setText(
            tr("Sample with seed \"%1\" closed by %2 on %3: %4 of %5 rows failed, an error rate "
               "of %6; the observation was %7.")
                .arg(m_sample->seed, m_sample->closedBy,
                     m_sample->closedAt.toString(u"yyyy-MM-dd"_s))
                .arg(m_sample->failed.value_or(failed))
                .arg(m_sample->size)
                .arg(percent(m_sample->errorRate.value_or(Decimal())), m_sample->outcome));
    }
    m_progress->setRange(0, std::max(1, m_sample ? m_sample->size : 1));
    m_progress->setValue(checked);
    m_progress->setFormat(tr("%1 of %2 checked").arg(checked).arg(m_sample ? m_sample->size : 0));

    // Recording: the selected row of an open sample.
    m_recordRow->setVisible(hasOpen);
    const bool rowChosen = m_model->item(m_table->currentSourceIndex().row()) != nullptr;
    for (SampleOutcome o :
         {SampleOutcome::Confirmed, SampleOutcome::NotConfirmed, SampleOutcome::NotFound}) {
        QPushButton* b = outcomeButton(o);
        b->setEnabled(hasOpen && mayAct && rowChosen);
        if (!mayAct)
            b->setToolTip(m_blocked);
        else if (!rowChosen)
            b->setToolTip(tr("Choose a row of the checklist first"));
    }
    m_note->setEnabled(hasOpen && mayAct);

    // Closing: every row has an outcome.
    m_close->setVisible(hasOpen);
    m_closeHint->setVisible(hasOpen);
    if (hasOpen) {
        const int pending = m_sample->size - checked;
        QString hint;
        if (pending > 0) {
            hint = pending == 1
                       ? tr("1 row still needs an outcome before the sample can be closed.")
                       : tr("%1 rows still need an outcome before the sample can be closed.")
                             .arg(pending);
        } else if (Samples::exceeds(failed, m_sample->size, maxRate)) {
            hint = tr("Closing rejects the figure: %1 of %2 rows failed, beyond the limit of %3.")
                       .arg(failed)
                       .arg(m_sample->size)
                       .arg(percent(maxRate));
        } else {
            hint = tr("Closing verifies the figure at %1 (reported %2): %3 of %4 rows failed, "
                      "within the limit of %5.")
                       .arg(Samples::verifiedValue(m_observation.value, failed, m_sample->size)
                                .toString(),
                            m_observation.value.toString())
                       .arg(failed)
                       .arg(m_sample->size)
                       .arg(percent(maxRate));
        }
        m_closeHint->setText(hint);
        m_close->setEnabled(mayAct && pending == 0);
        m_close->setToolTip(!mayAct ? m_blocked : hint);
    }
}

void SampleChecklist::selectNextUnchecked(int from)
{
    if (!m_sample)
        return;
    const int n = static_cast<int>(m_sample->items.size());
    for (int step = 1; step <= n; ++step) {
        const int row = (from + step) % n;
        if (!m_sample->items[row].outcome) {
            m_table->selectSourceRow(row);
            return;
        }
    }
}

void SampleChecklist::draw()
{
    const Program* program = m_ws.program();
    if (!program)
        return;
    auto s = Samples(m_ws.session(), *program)
                 .draw(m_observation.id, m_seed->text().trimmed(), m_size->value());
    if (!s) {
        m_ws.report(tr("Cannot draw the sample"), s.error());
        return;
    }
    reload();
    selectNextUnchecked(-1);
    emit progressed();
}

void SampleChecklist::record(SampleOutcome outcome)
{
    const Program* program = m_ws.program();
    const int row = m_table->currentSourceIndex().row();
    const SampleItem* item = m_model->item(row);
    if (!program || !m_sample || !item)
        return;
    const QString key = item->key;
    const Status done = Samples(m_ws.session(), *program)
                            .record(m_sample->id, key, outcome, m_note->text().trimmed());
    if (!done) {
        m_ws.report(tr("Cannot record the outcome"), done.error());
        return;
    }
    reload();
    m_note->clear();
    selectNextUnchecked(m_model->rowOfKey(key));
    emit progressed();
}

void SampleChecklist::closeSample()
{
    const Program* program = m_ws.program();
    if (!program || !m_sample)
        return;
    const Observation before = m_observation;
    auto closed = Samples(m_ws.session(), *program).close(m_sample->id);
    if (!closed) {
        // The sample may have closed before the decision was refused: show it as it is.
        reload();
        m_ws.report(tr("Cannot close the sample"), closed.error());
        return;
    }
    const Sample& s = closed.value();
    const QString rate = percent(s.errorRate.value_or(Decimal()));
    const QString message =
        s.outcome == ObservationState::Verified
            ? tr("Closed sample %1: %2 of %3 rows failed (%4); observation %5 verified at %6 "
                 "(reported %7).")
                  .arg(s.id)
                  .arg(s.failed.value_or(0))
                  .arg(s.size)
                  .arg(
                      rate, before.id,
                      Samples::verifiedValue(before.value, s.failed.value_or(0), s.size).toString(),
                      before.value.toString())
            : tr("Closed sample %1: %2 of %3 rows failed (%4), beyond the protocol's limit; "
                 "observation %5 rejected.")
                  .arg(s.id)
                  .arg(s.failed.value_or(0))
                  .arg(s.size)
                  .arg(rate, before.id);
    reload();
    emit decided(message);
}

} // namespace dli::ui
