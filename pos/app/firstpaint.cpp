// SPDX-License-Identifier: GPL-3.0-or-later
#include "pos/app/firstpaint.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <ctime>

namespace oasis::app {

namespace {
long long epochMicros() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<long long>(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1000;
}

class FirstPaintProbe final : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            // Once the paint is done and the event loop is back.
            QTimer::singleShot(0, qApp, [] {
                const long long now = epochMicros();
                QFile status(QStringLiteral("/proc/self/status"));
                QByteArray peak = "0";
                if (status.open(QIODevice::ReadOnly))
                    for (const QByteArray &line : status.readAll().split('\n'))
                        if (line.startsWith("VmHWM:"))
                            peak = line.mid(6).trimmed().split(' ').first();
                std::printf("first-paint epoch-us=%lld peak-rss-kb=%s\n", now, peak.constData());
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};
} // namespace

void printEpoch(const char *what) {
    std::printf("%s epoch-us=%lld\n", what, epochMicros());
    std::fflush(stdout);
}

void afterFirstPaint(QWidget *window, std::function<void()> work) {
    static constexpr char kPainted[] = "oasisPainted";
    if (window->property(kPainted).toBool()) {
        QTimer::singleShot(0, window, std::move(work));
        return;
    }
    class Once final : public QObject {
    public:
        Once(QWidget *w, std::function<void()> f)
            : QObject(w)
            , m_work(std::move(f)) {
            w->installEventFilter(this);
        }

    protected:
        bool eventFilter(QObject *watched, QEvent *event) override {
            if (event->type() == QEvent::Paint) {
                watched->setProperty(kPainted, true);
                watched->removeEventFilter(this);
                QTimer::singleShot(0, watched, std::move(m_work));
                deleteLater();
            }
            return false;
        }

    private:
        std::function<void()> m_work;
    };
    new Once(window, std::move(work));
}

void exitAfterFirstPaint(QWidget *watched) {
    watched->installEventFilter(new FirstPaintProbe(watched));
}

} // namespace oasis::app
