// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/outbox.h"

#include "core/domain/emailaddress.h"
#include "mail/translate.h"

#include <QLoggingCategory>
#include <QThread>

#include <algorithm>

using namespace std::chrono_literals;

namespace oasis::mail {

namespace {
Q_LOGGING_CATEGORY(lcMail, "oasis.mail")
} // namespace

Outbox::Outbox(ServerSource server, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_delays{30s, 2min, 10min, 30min} {
    m_clock.start();
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &Outbox::pump);
}

Outbox::~Outbox() {
    m_cancel->store(true);
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

void Outbox::setRetryDelays(std::vector<std::chrono::milliseconds> delays) {
    if (!delays.empty())
        m_delays = std::move(delays);
}

Status Outbox::enqueue(const Message &message, Kind kind, qint64 subjectId,
                       const QString &requestedBy) {
    if (auto ok = checkEmailAddress(message.to); !ok)
        return ok;
    Job job;
    job.id = m_nextId++;
    job.message = message;
    job.kind = kind;
    job.subjectId = subjectId;
    job.requestedBy = requestedBy;
    job.dueMs = m_clock.elapsed();
    m_jobs.push_back(std::move(job));
    Q_EMIT changed();
    pump();
    return {};
}

QString Outbox::statusText() const {
    const int n = waiting();
    if (n == 0)
        return {};
    if (!m_lastError.isEmpty())
        return n == 1 ? oasis::mail::tr("%1 (1 email waiting)").arg(m_lastError)
                      : oasis::mail::tr("%1 (%2 emails waiting)").arg(m_lastError).arg(n);
    return n == 1 ? oasis::mail::tr("1 email waiting")
                  : oasis::mail::tr("%1 emails waiting").arg(n);
}

void Outbox::retryNow() {
    for (Job &job : m_jobs)
        job.dueMs = m_clock.elapsed();
    pump();
}

void Outbox::pump() {
    if (m_worker || m_jobs.empty())
        return;
    const qint64 now = m_clock.elapsed();
    auto next = std::min_element(m_jobs.begin(), m_jobs.end(),
                                 [](const Job &a, const Job &b) { return a.dueMs < b.dueMs; });
    if (next->dueMs > now) {
        m_wake.start(int(std::min<qint64>(next->dueMs - now, 24 * 3600 * 1000)));
        return;
    }
    Server server = m_server();
    server.cancel = m_cancel;
    const Message message = next->message;
    const quint64 id = next->id;
    // The send blocks (up to the server's deadline) on its own thread; the result comes back
    // to this object's thread as a queued call.
    m_worker = QThread::create([this, server, message, id] {
        const Status result = send(server, message);
        QMetaObject::invokeMethod(
            this, [this, id, result] { finished(id, result); }, Qt::QueuedConnection);
    });
    m_worker->start();
}

void Outbox::finished(quint64 id, const Status &result) {
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
    auto job =
        std::find_if(m_jobs.begin(), m_jobs.end(), [id](const Job &j) { return j.id == id; });
    if (job != m_jobs.end()) {
        if (result) {
            const Kind kind = job->kind;
            const qint64 subject = job->subjectId;
            const QString to = job->message.to;
            const QString by = job->requestedBy;
            m_jobs.erase(job);
            if (m_jobs.empty())
                m_lastError.clear();
            Q_EMIT sent(kind, subject, to, by);
        } else {
            m_lastError = result.error().message;
            const auto delay =
                m_delays[std::min<std::size_t>(std::size_t(job->attempts), m_delays.size() - 1)];
            ++job->attempts;
            job->dueMs = m_clock.elapsed() + delay.count();
            // The log names the attempt and why, never the message (a gift card's code).
            qCWarning(lcMail, "email %llu not sent (try %d), next try in %lld s: %s",
                      static_cast<unsigned long long>(id), job->attempts,
                      static_cast<long long>(delay.count() / 1000), qPrintable(m_lastError));
        }
    }
    Q_EMIT changed();
    pump();
}

} // namespace oasis::mail
