// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/crash/harness/soak.h"

#include "tests/crash/harness/harness.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

#include <unistd.h>

#include <map>
#include <memory>
#include <set>

namespace oasis::harness {

QStringList deletedStoreFiles(qint64 pid, const QString &dbPath) {
    QStringList deleted;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString &fd :
         fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        char target[4096];
        const ssize_t n =
            ::readlink(QFile::encodeName(fds.filePath(fd)).constData(), target, sizeof target);
        if (n <= 0)
            continue;
        const QString link = QFile::decodeName(QByteArray(target, int(n)));
        if (link.startsWith(dbPath) && link.endsWith(QLatin1String(" (deleted)")))
            deleted << QStringLiteral("process %1 holds %2").arg(pid).arg(link);
    }
    if (!deleted.isEmpty()) {
        // Which program, and whether it is still running or already exiting.
        QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(pid));
        QFile status(QStringLiteral("/proc/%1/status").arg(pid));
        QString what;
        if (cmd.open(QIODevice::ReadOnly))
            what = QString::fromUtf8(cmd.readAll().replace('\0', ' ')).simplified();
        if (status.open(QIODevice::ReadOnly))
            for (const QByteArray &line : status.readAll().split('\n'))
                if (line.startsWith("State:"))
                    what += QStringLiteral(" [") + QString::fromUtf8(line.mid(6)).trimmed() + u']';
        for (QString &d : deleted)
            d += QStringLiteral(" (%1)").arg(what);
    }
    return deleted;
}

namespace {

enum class Kind { Sale, Refund, Backup, Read };

struct Job {
    std::unique_ptr<QProcess> process;
    Kind kind = Kind::Read;
    QString requestId;
    QString what;
    qint64 killAfterMs = -1; ///< -1: left to finish
    QElapsedTimer age;
};

class Soak final {
public:
    explicit Soak(const SoakOptions &options)
        : m_o(options)
        , m_rng(options.seed) {
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("OASIS_KEY_DIR"), m_o.keyDir);
        m_env.insert(QStringLiteral("OASIS_REGISTER"), m_o.deskRegister);
    }

    SoakReport run() {
        {
            auto db = openDb(m_o.dbPath, m_o.keyDir);
            if (!db) {
                m_r.problems << QStringLiteral("cannot open the store: ") + db.error().message;
                return m_r;
            }
            m_check = checkOptionsFrom(**db);
        }
        const QDeadlineTimer deadline(qint64(m_o.seconds * 1000));
        startApp();
        while (!deadline.hasExpired()) {
            tendApp();
            tendJobs(true);
            watchFiles();
        }
        stopApp();
        while (!m_jobs.empty())
            tendJobs(false);
        retryPending();
        checkBooks();
        return m_r;
    }

private:
    // --- the app: a worker holding connections as the counter app does, killed at random ---
    void startApp() {
        m_app = std::make_unique<QProcess>();
        m_app->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList args{QStringLiteral("--db"),       m_o.dbPath,
                         QStringLiteral("--keys"),     m_o.keyDir,
                         QStringLiteral("--seed"),     QString::number(m_rng.generate()),
                         QStringLiteral("--register"), m_o.appRegister,
                         QStringLiteral("--hold"),     QStringLiteral("2")};
        if (!m_o.codesFile.isEmpty())
            args << QStringLiteral("--codes") << m_o.codesFile;
        m_app->start(m_o.workerPath, args);
        if (!m_app->waitForStarted(10'000))
            m_r.problems << QStringLiteral("the app worker did not start: ") + m_app->errorString();
        m_appAge.start();
        m_appLifeMs = 200 + qint64(m_rng.bounded(1500));
    }
    void drainApp() {
        m_appOut += m_app->readAllStandardOutput();
        qsizetype end;
        while ((end = m_appOut.indexOf('\n')) >= 0) {
            const QByteArray line = m_appOut.left(end);
            m_appOut.remove(0, end + 1);
            if (line.startsWith("sale ")) {
                m_appReceipts.insert(line.mid(5).toLongLong());
                ++m_r.acknowledged;
            }
        }
    }
    void tendApp() {
        m_app->waitForReadyRead(2);
        drainApp();
        if (m_app->state() == QProcess::Running && m_appAge.elapsed() < m_appLifeMs)
            return;
        if (m_app->state() == QProcess::Running) {
            m_app->kill(); // SIGKILL, mid-sale or mid-open
            ++m_r.appKills;
        }
        m_app->waitForFinished(10'000);
        drainApp();
        m_appOut.clear(); // a line cut by the kill was never acknowledged
        startApp();
    }
    void stopApp() {
        if (m_app->state() == QProcess::Running) {
            m_app->kill();
            ++m_r.appKills;
        }
        m_app->waitForFinished(10'000);
        drainApp();
    }

    // --- oasisctl beside it on the second register ------------------------------------------
    void startJob() {
        Job job;
        const quint32 dice = m_rng.bounded(100);
        QStringList args{QStringLiteral("--db"), m_o.dbPath, QStringLiteral("--json")};
        QProcessEnvironment env = m_env;
        if (dice < 45) {
            job.kind = Kind::Sale;
            if (!m_pending.isEmpty() && m_rng.bounded(2) == 0) {
                job.requestId = m_pending.takeFirst();
                ++m_r.retries;
            } else {
                job.requestId = QStringLiteral("soak-%1-%2").arg(m_o.seed).arg(++m_sent);
            }
            args << QStringLiteral("--user") << QStringLiteral("frontdesk")
                 << QStringLiteral("sale") << QStringLiteral("OIL-LAV-120")
                 << QStringLiteral("--pay") << QStringLiteral("card:26.53:4242")
                 << QStringLiteral("--request-id") << job.requestId;
            env.insert(QStringLiteral("OASIS_PIN"), QStringLiteral("1111"));
        } else if (dice < 55 && !m_ctlReceipts.empty()) {
            job.kind = Kind::Refund;
            const qint64 receipt = m_ctlReceipts[m_rng.bounded(quint32(m_ctlReceipts.size()))];
            args << QStringLiteral("--user") << QStringLiteral("manager")
                 << QStringLiteral("refund") << QString::number(receipt)
                 << QStringLiteral("OIL-LAV-120") << QStringLiteral("--restock");
            env.insert(QStringLiteral("OASIS_PIN"), QStringLiteral("9999"));
        } else if (dice < 62) {
            job.kind = Kind::Backup;
            args << QStringLiteral("--user") << QStringLiteral("manager")
                 << QStringLiteral("backup")
                 << QStringLiteral("%1.soak-backup-%2").arg(m_o.dbPath).arg(++m_backups);
            env.insert(QStringLiteral("OASIS_PIN"), QStringLiteral("9999"));
        } else {
            job.kind = Kind::Read;
            switch (m_rng.bounded(3)) {
            case 0:
                args << QStringLiteral("catalog") << QStringLiteral("list");
                break;
            case 1:
                args << QStringLiteral("inventory") << QStringLiteral("list");
                break;
            default:
                args << QStringLiteral("receipt") << QStringLiteral("show")
                     << QString::number(m_appReceipts.empty() ? 1 : *m_appReceipts.begin());
                break;
            }
        }
        job.what = args.mid(3).join(QLatin1Char(' '));
        if (m_rng.bounded(100) < 30)
            job.killAfterMs = qint64(m_rng.bounded(250));
        job.process = std::make_unique<QProcess>();
        job.process->setProcessEnvironment(env);
        job.process->setStandardInputFile(QProcess::nullDevice());
        job.process->start(m_o.oasisctlPath, args);
        job.age.start();
        ++m_r.ctlRuns;
        m_jobs.push_back(std::move(job));
    }

    void finish(Job &job, bool killed) {
        const QByteArray out = job.process->readAllStandardOutput();
        const QByteArray err = job.process->readAllStandardError();
        const int code = killed || job.process->exitStatus() != QProcess::NormalExit
                             ? -1
                             : job.process->exitCode();
        switch (job.kind) {
        case Kind::Sale:
            if (code == 0) {
                const qint64 receipt = QJsonDocument::fromJson(out)
                                           .object()
                                           .value(QStringLiteral("receipt"))
                                           .toInteger();
                if (receipt <= 0)
                    m_r.problems << QStringLiteral("sale %1 answered without a receipt: %2")
                                        .arg(job.requestId, QString::fromUtf8(out));
                auto [at, fresh] = m_byRequest.emplace(job.requestId, receipt);
                if (!fresh && at->second != receipt)
                    m_r.problems << QStringLiteral("request %1 answered receipt %2, then %3")
                                        .arg(job.requestId)
                                        .arg(at->second)
                                        .arg(receipt);
                if (fresh) {
                    ++m_r.acknowledged;
                    m_ctlReceipts.push_back(receipt);
                }
                m_pending.removeAll(job.requestId);
            } else if (code == -1 || code == 3) {
                // Killed, or the store was busy: the register does not know; it sends again.
                if (!m_pending.contains(job.requestId) && !m_byRequest.count(job.requestId))
                    m_pending << job.requestId;
            } else {
                m_r.problems << QStringLiteral("sale %1 refused (%2): %3")
                                    .arg(job.requestId)
                                    .arg(code)
                                    .arg(QString::fromUtf8(err).trimmed());
            }
            break;
        case Kind::Refund:
            // 0: refunded; 2: nothing left to refund (a killed refund may have committed).
            if (code == 1)
                m_r.problems << QStringLiteral("refund usage error: %1")
                                    .arg(QString::fromUtf8(err).trimmed());
            break;
        case Kind::Backup:
        case Kind::Read:
            if (code == 1 || code == 2)
                m_r.problems << QStringLiteral("%1 failed (%2): %3")
                                    .arg(job.what)
                                    .arg(code)
                                    .arg(QString::fromUtf8(err).trimmed());
            break;
        }
    }

    void tendJobs(bool startMore) {
        for (auto it = m_jobs.begin(); it != m_jobs.end();) {
            Job &job = *it;
            bool killed = false;
            if (job.process->state() != QProcess::NotRunning) {
                if (job.killAfterMs >= 0 && job.age.elapsed() >= job.killAfterMs) {
                    job.process->kill();
                    killed = true;
                    ++m_r.ctlKills;
                } else if (!job.process->waitForFinished(1) && job.age.elapsed() < 60'000) {
                    ++it;
                    continue;
                }
            }
            job.process->waitForFinished(10'000);
            finish(job, killed);
            it = m_jobs.erase(it);
        }
        while (startMore && int(m_jobs.size()) < m_o.parallel)
            startJob();
    }

    void retryPending() {
        for (int round = 0; round < 5 && !m_pending.isEmpty(); ++round) {
            const QStringList ids = m_pending;
            for (const QString &id : ids) {
                Job job;
                job.kind = Kind::Sale;
                job.requestId = id;
                QProcessEnvironment env = m_env;
                env.insert(QStringLiteral("OASIS_PIN"), QStringLiteral("1111"));
                job.process = std::make_unique<QProcess>();
                job.process->setProcessEnvironment(env);
                job.process->setStandardInputFile(QProcess::nullDevice());
                job.process->start(m_o.oasisctlPath,
                                   {QStringLiteral("--db"), m_o.dbPath, QStringLiteral("--json"),
                                    QStringLiteral("--user"), QStringLiteral("frontdesk"),
                                    QStringLiteral("sale"), QStringLiteral("OIL-LAV-120"),
                                    QStringLiteral("--pay"), QStringLiteral("card:26.53:4242"),
                                    QStringLiteral("--request-id"), id});
                ++m_r.retries;
                job.process->waitForFinished(60'000);
                finish(job, false);
            }
        }
        for (const QString &id : std::as_const(m_pending))
            m_r.problems << QStringLiteral("request %1 never got an answer").arg(id);
    }

    void watchFiles() {
        if (m_watch.isValid() && m_watch.elapsed() < 50)
            return;
        m_watch.start();
        QList<qint64> pids;
        if (m_app->state() == QProcess::Running)
            pids << m_app->processId();
        for (const Job &job : m_jobs)
            if (job.process->state() == QProcess::Running)
                pids << job.process->processId();
        // A program that closes the store's last connection deletes the -wal and -shm files
        // and closes them a moment later: seen in that moment it holds them deleted. Only a
        // hold that lasts (a file replaced under a program that goes on using it) is a problem.
        QList<qint64> holding;
        for (qint64 pid : std::as_const(pids))
            if (!deletedStoreFiles(pid, m_o.dbPath).isEmpty())
                holding << pid;
        if (holding.isEmpty())
            return;
        QThread::msleep(200);
        for (qint64 pid : std::as_const(holding))
            for (const QString &d : deletedStoreFiles(pid, m_o.dbPath))
                if (!m_r.problems.contains(d))
                    m_r.problems << d;
    }

    // --- afterwards ---------------------------------------------------------------------------
    void checkBooks() {
        auto opened = openDb(m_o.dbPath, m_o.keyDir);
        if (!opened) {
            m_r.problems << QStringLiteral("cannot open at the end: ") + opened.error().message;
            return;
        }
        Database &db = **opened;
        for (const QString &p : checkInvariants(db, m_check))
            m_r.problems << p;
        for (qint64 receipt : m_appReceipts) {
            auto n = db.scalar(QStringLiteral("SELECT COUNT(*) FROM sales WHERE receipt_no = ?"),
                               {receipt});
            if (!n || n->toInt() != 1)
                m_r.problems << QStringLiteral("the app saw receipt %1 committed; the store has "
                                               "it %2 times")
                                    .arg(receipt)
                                    .arg(n ? n->toInt() : -1);
        }
        for (const auto &[id, receipt] : m_byRequest) {
            auto rows =
                db.rows(QStringLiteral("SELECT receipt_no FROM sales WHERE request_id = ?"), {id});
            if (!rows || rows->size() != 1 || rows->front().value(0).toLongLong() != receipt)
                m_r.problems << QStringLiteral("request %1 (receipt %2) is in the store %3 times")
                                    .arg(id)
                                    .arg(receipt)
                                    .arg(rows ? rows->size() : -1);
        }
        auto twice = db.rows(QStringLiteral("SELECT request_id, COUNT(*) FROM sales WHERE "
                                            "request_id IS NOT NULL GROUP BY request_id "
                                            "HAVING COUNT(*) > 1"));
        if (!twice)
            m_r.problems << twice.error().message;
        else
            for (const QVariantList &row : *twice)
                m_r.problems << QStringLiteral("request %1 was charged %2 times")
                                    .arg(row.value(0).toString())
                                    .arg(row.value(1).toInt());
        auto sales = db.scalar(QStringLiteral("SELECT COUNT(*) FROM sales"));
        m_r.sales = sales ? sales->toLongLong() : 0;
        opened->reset();

        QProcess verify;
        verify.setProcessEnvironment(m_env);
        verify.start(m_o.oasisctlPath,
                     {QStringLiteral("--db"), m_o.dbPath, QStringLiteral("--json"),
                      QStringLiteral("journal"), QStringLiteral("verify")});
        verify.waitForFinished(120'000);
        const QJsonObject v = QJsonDocument::fromJson(verify.readAllStandardOutput()).object();
        if (verify.exitCode() != 0 || !v.value(QStringLiteral("ok")).toBool())
            m_r.problems << QStringLiteral("journal verify: %1")
                                .arg(QString::fromUtf8(verify.readAllStandardError()).trimmed());
        for (int i = 1; i <= m_backups; ++i)
            for (const char *suffix : {"", ".key", ".partial"})
                QFile::remove(QStringLiteral("%1.soak-backup-%2%3")
                                  .arg(m_o.dbPath)
                                  .arg(i)
                                  .arg(QLatin1String(suffix)));
    }

    const SoakOptions m_o;
    QRandomGenerator m_rng;
    QProcessEnvironment m_env;
    SoakReport m_r;
    CheckOptions m_check;

    std::unique_ptr<QProcess> m_app;
    QByteArray m_appOut;
    QElapsedTimer m_appAge;
    qint64 m_appLifeMs = 0;
    std::set<qint64> m_appReceipts;

    std::vector<Job> m_jobs;
    std::map<QString, qint64> m_byRequest; ///< request id -> the receipt oasisctl answered
    QStringList m_pending;                 ///< request ids sent without an answer
    std::vector<qint64> m_ctlReceipts;
    int m_sent = 0;
    int m_backups = 0;
    QElapsedTimer m_watch;
};

} // namespace

QString prepareSoakStore(const QString &dir, SoakOptions &o) {
    o.dbPath = QDir(dir).filePath(QStringLiteral("soak.db"));
    o.keyDir = QDir(dir).filePath(QStringLiteral("keys"));
    o.codesFile = QDir(dir).filePath(QStringLiteral("codes.txt"));
    if (o.appRegister.isEmpty())
        o.appRegister = QStringLiteral("soak-app");
    if (o.deskRegister.isEmpty())
        o.deskRegister = QStringLiteral("soak-desk");
    auto ctl = [&o](const QString &reg, const QString &pin, const QStringList &args) -> QString {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OASIS_KEY_DIR"), o.keyDir);
        env.insert(QStringLiteral("OASIS_REGISTER"), reg);
        env.insert(QStringLiteral("OASIS_PIN"), pin);
        QProcess p;
        p.setProcessEnvironment(env);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(o.oasisctlPath, QStringList{QStringLiteral("--db"), o.dbPath} + args);
        if (!p.waitForFinished(60'000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0)
            return QStringLiteral("oasisctl %1: %2")
                .arg(args.join(QLatin1Char(' ')),
                     QString::fromUtf8(p.readAllStandardError()).trimmed());
        return {};
    };
    const QString manager = QStringLiteral("9999");
    for (const QString &error :
         {ctl(o.appRegister, manager, {QStringLiteral("init"), QStringLiteral("--demo")}),
          ctl(o.appRegister, manager,
              {QStringLiteral("--user"), QStringLiteral("manager"), QStringLiteral("register"),
               QStringLiteral("add"), o.deskRegister}),
          ctl(o.appRegister, manager,
              {QStringLiteral("--user"), QStringLiteral("manager"), QStringLiteral("shift"),
               QStringLiteral("open"), QStringLiteral("200")}),
          ctl(o.deskRegister, manager,
              {QStringLiteral("--user"), QStringLiteral("manager"), QStringLiteral("shift"),
               QStringLiteral("open"), QStringLiteral("200")})})
        if (!error.isEmpty())
            return error;
    auto db = openDb(o.dbPath, o.keyDir);
    if (!db)
        return db.error().message;
    auto codes = sellGiftCards(**db, 10, Money::fromCents(200'00), o.appRegister);
    if (!codes)
        return codes.error().message;
    QFile f(o.codesFile);
    if (!f.open(QIODevice::WriteOnly) || f.write(codes->join(QLatin1Char('\n')).toLatin1()) < 0)
        return QStringLiteral("cannot write %1").arg(o.codesFile);
    return {};
}

SoakReport runSoak(const SoakOptions &options) {
    return Soak(options).run();
}

} // namespace oasis::harness
