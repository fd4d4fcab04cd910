// SPDX-License-Identifier: GPL-3.0-or-later
// The network plugin's watch on the store server, as OfflineMode uses it (pos/network). Linked in
// here as a static plugin; oasis_plugin_tests loads it as the app does and prints through it.
#include "pos/network/network.h"

#include <QLocalServer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

#include <memory>
#include <vector>

using namespace oasis;
using namespace oasis::app;

TEST_CASE("the network plugin answers a server probe once, from the event loop", "[pos][network]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral(".s.PGSQL.5432"));
    QLocalServer server;
    REQUIRE(server.listen(path));
    QString error;
    NetworkPlugin *network = networkPlugin(&error);
    REQUIRE(network);
    QObject owner;
    std::vector<bool> answers;
    auto note = [&answers](bool reachable) { answers.push_back(reachable); };
    const auto answered = [&answers] {
        return QTest::qWaitFor([&answers] { return !answers.empty(); }, 5000);
    };

    SECTION("a Unix socket that accepts") {
        QObject *probe = network->probe(&owner, path, {}, 0, note);
        REQUIRE(probe);
        CHECK(probe->parent() == &owner);
        // Not within probe(), even when the socket connects at once: the caller keeps what
        // probe() returns first (OfflineMode's one probe at a time).
        CHECK(answers.empty());
        REQUIRE(answered());
        QTest::qWait(20);
        CHECK(answers == std::vector<bool>{true});
    }
    SECTION("a Unix socket nobody listens on") {
        network->probe(&owner, dir.filePath(QStringLiteral("none")), {}, 0, note);
        CHECK(answers.empty());
        REQUIRE(answered());
        QTest::qWait(20);
        CHECK(answers == std::vector<bool>{false});
    }
    SECTION("a TCP port that accepts, and one that refuses") {
        QTcpServer tcp;
        REQUIRE(tcp.listen(QHostAddress::LocalHost));
        network->probe(&owner, {}, QStringLiteral("127.0.0.1"), tcp.serverPort(), note);
        REQUIRE(answered());
        const quint16 closed = tcp.serverPort();
        tcp.close();
        network->probe(&owner, {}, QStringLiteral("127.0.0.1"), closed, note);
        REQUIRE(QTest::qWaitFor([&answers] { return answers.size() == 2; }, 5000));
        CHECK(answers == std::vector<bool>{true, false});
    }
    SECTION("an attempt ended by its caller answers nothing") {
        delete network->probe(&owner, path, {}, 0, note);
        QTest::qWait(50);
        CHECK(answers.empty());
    }
}
