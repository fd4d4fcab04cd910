// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/offlinemode.h"

#include "core/domain/clock.h"
#include "core/services/store.h"

#include "pos/network/network.h"

#include <QApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace oasis::app {

namespace {
Q_LOGGING_CATEGORY(lcOffline, "oasis.offline")
/// How often the server is tried, and how long a try may take.
constexpr int kProbeMs = 3000;
constexpr int kAnswerMs = 2000;
/// How old the copy may grow while the server is reached.
constexpr qint64 kFreshSeconds = 600;
} // namespace

OfflineMode::OfflineMode(Database &server, const QString &registerId, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_outbox(Store::pathOf(server), registerId) {
    m_timer = new QTimer(this);
    m_timer->setInterval(kProbeMs);
    connect(m_timer, &QTimer::timeout, this, &OfflineMode::probe);
    m_timer->start();
    if (auto n = m_outbox.waiting())
        m_waiting = *n;
    // Made at once when there is none: a register of its own series can sell offline from its
    // first day.
    QTimer::singleShot(0, this, &OfflineMode::keepFresh);
}

OfflineMode::~OfflineMode() = default;

Database *OfflineMode::copy() const {
    return m_copy ? &m_copy->db() : nullptr;
}

QString OfflineMode::statusText() const {
    if (isOffline())
        return tr("Store server: offline, %n waiting", nullptr, m_waiting);
    if (!m_answering)
        return tr("Store server: not answering");
    if (!m_problem.isEmpty())
        return tr("Store server: connected; %n sale(s) made offline not sent: %1", nullptr,
                  m_waiting)
            .arg(m_problem);
    if (m_waiting > 0)
        return tr("Store server: connected, %n waiting", nullptr, m_waiting);
    return Store::serverState(m_server);
}

void OfflineMode::countWaiting() {
    if (auto n = m_outbox.waiting())
        m_waiting = *n;
    Q_EMIT stateChanged();
}

void OfflineMode::probe() {
    if (m_probe)
        return; // one at a time
    // The server's address as libpq reads it: a Unix socket folder (host=/dir) or a host name.
    const QUrl url(Store::pathOf(m_server));
    const QUrlQuery query(url);
    QString host = query.queryItemValue(QStringLiteral("host"));
    if (host.isEmpty())
        host = url.host();
    int port = url.port(5432);
    if (query.hasQueryItem(QStringLiteral("port")))
        port = query.queryItemValue(QStringLiteral("port")).toInt();
    auto *timeout = new QTimer(this);
    timeout->setSingleShot(true);
    auto finish = [this, timeout](bool reachable) {
        if (!m_probe)
            return;
        m_probe->deleteLater();
        m_probe = nullptr;
        timeout->deleteLater();
        serverAnswered(reachable);
    };
    // Qt Network is the network plugin's, loaded with the first probe.
    QString error;
    NetworkPlugin *network = networkPlugin(&error);
    if (!network) {
        // Without it this register cannot tell an outage: it sells on the server and says each
        // failure as it comes. Said once in the log, not every few seconds.
        if (!std::exchange(m_noNetworkLogged, true))
            qCWarning(lcOffline, "%s", qPrintable(error));
        timeout->deleteLater();
        return;
    }
    QString socket; // libpq's Unix socket in that folder, when the host is one
    if (host.isEmpty() || host.startsWith(u'/'))
        socket = QDir(host.isEmpty() ? QStringLiteral("/var/run/postgresql") : host)
                     .filePath(QStringLiteral(".s.PGSQL.%1").arg(port));
    m_probe = network->probe(this, socket, host, quint16(port), finish);
    connect(timeout, &QTimer::timeout, this, [finish] { finish(false); });
    timeout->start(kAnswerMs);
}

void OfflineMode::serverAnswered(bool reachable) {
    // The status bar says what the probe found at once, also over a dialog. The register is
    // never switched while a dialog is open (the Pay dialog of the register that would be
    // switched): the next probe after it closes decides.
    m_answering = reachable;
    if (QApplication::activeModalWidget()) {
        Q_EMIT stateChanged();
        return;
    }
    if (!reachable) {
        // Twice in a row: a single slow answer is not an outage.
        if (++m_misses < 2 || isOffline() || !m_outbox.prepared()) {
            Q_EMIT stateChanged();
            return;
        }
        auto copy = m_outbox.openStore();
        if (!copy) {
            m_problem = copy.error().message;
            Q_EMIT stateChanged();
            return;
        }
        m_copy = std::move(*copy);
        if (auto n = m_outbox.waiting())
            m_waiting = *n;
        Q_EMIT wentOffline();
        Q_EMIT stateChanged();
        return;
    }
    m_misses = 0;
    if (auto n = m_outbox.waiting())
        m_waiting = *n;
    if (m_waiting > 0 || isOffline()) {
        // Everything made offline reaches the server before the register sells there again.
        auto sent = m_outbox.send(m_server);
        if (auto n = m_outbox.waiting())
            m_waiting = *n;
        if (!sent) {
            // Still out of reach (the socket answered first): stay offline and try again.
            m_problem =
                OfflineRegister::isUnreachable(sent.error()) ? QString() : sent.error().message;
            Q_EMIT stateChanged();
            return;
        }
        m_problem.clear();
        if (isOffline()) {
            Q_EMIT cameBack();
            m_copy.reset();
        }
    }
    keepFresh();
    Q_EMIT stateChanged();
}

void OfflineMode::keepFresh() {
    if (isOffline() || m_waiting > 0)
        return;
    const QDateTime made = m_outbox.preparedAt();
    if (made.isValid() && made.secsTo(Clock::nowUtc()) < kFreshSeconds)
        return;
    if (m_unavailable)
        return;
    // Refused for a register sharing series R, or not registered: it cannot sell offline, and
    // is not asked again until the app starts again.
    if (auto ok = m_outbox.prepare(m_server);
        !ok && (ok.error().code == ErrorCode::Refused || ok.error().code == ErrorCode::NotFound))
        m_unavailable = true;
}

} // namespace oasis::app
