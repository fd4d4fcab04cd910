// SPDX-License-Identifier: GPL-3.0-or-later
// The counter app's side of selling while the store server is unreachable (DESIGN §13a): it
// keeps this register's offline copy fresh while the server is reached, notices within seconds
// when the server cannot be reached (a connection attempt to its socket, off the UI thread's
// way), opens the copy to sell on, and when the server is back sends what waits, in order,
// before the register sells on the server again. The status bar reads statusText().
#pragma once

#include "core/services/offline.h"

#include <QObject>

#include <memory>

class QTimer;

namespace oasis {
class Database;
class Store;
} // namespace oasis

namespace oasis::app {

class OfflineMode final : public QObject {
    Q_OBJECT
public:
    OfflineMode(Database &server, const QString &registerId, QObject *parent = nullptr);
    ~OfflineMode() override;

    OfflineRegister &outbox() { return m_outbox; }
    /// Whether the register sells on its copy now.
    bool isOffline() const { return m_copy != nullptr; }
    /// The copy the register sells on while offline (nullptr online).
    Database *copy() const;
    /// "Store server: offline, 3 waiting", "Store server: connected", or why sending stopped.
    QString statusText() const;

    /// Counts the sales waiting again (after one was made offline) and says so.
    void countWaiting();
    /// Tries the server now (the timer does every few seconds); the answer arrives as if from
    /// the timer. Tests call serverAnswered() directly.
    void probe();
    /// What a probe found: the server's socket accepts a connection, or not.
    void serverAnswered(bool reachable);

Q_SIGNALS:
    /// The register should sell on copy() from now on.
    void wentOffline();
    /// The server is back and every waiting sale was sent: the register sells on the server
    /// again (emitted before the copy closes).
    void cameBack();
    /// statusText() changed.
    void stateChanged();

private:
    void keepFresh();

    Database &m_server;
    OfflineRegister m_outbox;
    std::unique_ptr<Store> m_copy;
    QTimer *m_timer = nullptr;
    QObject *m_probe = nullptr;     ///< the socket of the probe under way
    bool m_noNetworkLogged = false; ///< the network plugin could not be loaded (logged once)
    int m_misses = 0;
    bool m_answering = true;    ///< what the last probe found, for the status bar
    bool m_unavailable = false; ///< this register cannot sell offline (shares series R)
    int m_waiting = 0;
    QString m_problem; ///< why sending stopped (the server answered but refused)
};

} // namespace oasis::app
