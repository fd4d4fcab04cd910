// SPDX-License-Identifier: GPL-3.0-or-later
// The counter's outbox: emails sent in the background, retried with back-off, kept in memory.
#pragma once

#include "core/domain/error.h"
#include "mail/message.h"
#include "mail/smtp.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <list>

class QThread;

namespace oasis::mail {

/// Queues messages and sends them one at a time on a worker thread, so that a slow or absent
/// mail server never holds up the counter. A failed send waits and is tried again after 30 s,
/// 2 min, 10 min, then every 30 min. Messages live in memory only: a gift card's code is never
/// written to disk here. The server is asked for (on the owner's thread) before each attempt,
/// so a corrected setting is used on the next try.
class Outbox final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Outbox)

public:
    /// What a message is about, for the journal entry the owner writes once it is sent.
    enum class Kind { GiftCard, Receipt };
    using ServerSource = std::function<Server()>;

    explicit Outbox(ServerSource server, QObject *parent = nullptr);
    /// Stops a send under way at once and waits for its thread; what still waits is dropped:
    /// say so before quitting (waiting()).
    ~Outbox() override;

    /// The delays between tries; the last one repeats. For tests.
    void setRetryDelays(std::vector<std::chrono::milliseconds> delays);

    /// Checks the addresses (a bad one is refused at once, nothing queued) and queues the
    /// message; sending starts at once in the background.
    /// `requestedBy` (a staff name) comes back with sent() for the journal entry.
    Status enqueue(const Message &message, Kind kind, qint64 subjectId,
                   const QString &requestedBy = {});
    /// Messages not sent yet (the one being sent included).
    int waiting() const { return int(m_jobs.size()); }
    /// For the status bar: empty when nothing waits, "1 email waiting", or "Email could not be
    /// sent: …" after a failed try.
    QString statusText() const;
    /// Tries every waiting message now instead of at its next turn.
    void retryNow();

Q_SIGNALS:
    /// A message was accepted by the server (on the owner's thread).
    void sent(oasis::mail::Outbox::Kind kind, qint64 subjectId, const QString &to,
              const QString &requestedBy);
    /// waiting() or statusText() changed.
    void changed();

private:
    struct Job {
        quint64 id = 0;
        Message message;
        Kind kind = Kind::Receipt;
        qint64 subjectId = 0;
        QString requestedBy;
        int attempts = 0;
        qint64 dueMs = 0; ///< on m_clock
    };
    void pump();
    void finished(quint64 id, const Status &result);

    ServerSource m_server;
    std::list<Job> m_jobs;
    std::vector<std::chrono::milliseconds> m_delays;
    QElapsedTimer m_clock;
    QTimer m_wake;
    QThread *m_worker = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    quint64 m_nextId = 1;
    QString m_lastError;
};

} // namespace oasis::mail
